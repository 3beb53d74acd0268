using System.Text;
using MmluSharp.Prompting;
using MmluSharp.Testing;

namespace MmluSharp.Tests.Prompting;

public class QloraExporterTests
{
    [Fact]
    public void Original_zero_shot_val_prompts_reproduce_qlora_zero_shot_mmlu_val_json_byte_for_byte()
    {
        var val = PromptingData.Split("val");
        var items = val.Select(q => (q, PromptBuilder.Build(PromptStyle.Original, q, [])));
        using var output = new MemoryStream();

        QloraExporter.Write(items, output);

        var expected = File.ReadAllBytes(SharedData.QloraVal);
        var actual = output.ToArray();
        var at = 0;
        while (at < expected.Length && at < actual.Length && expected[at] == actual[at])
        {
            at++;
        }

        Assert.True(
            at == expected.Length && at == actual.Length,
            $"first difference at byte {at} of {expected.Length} (ours {actual.Length}): " +
            $"expected «{Snippet(expected, at)}», got «{Snippet(actual, at)}»");
    }

    [Fact]
    public void Escapes_strings_as_python_json_dumps_with_ensure_ascii()
    {
        var question = PromptingData.Make("x");
        var prompt = Prompt.PreRendered("\"q\"\\ a\nb\r\tc\b\f\u0001\u001f\u007f/é–\u00a0😀 <&>'+");

        using var output = new MemoryStream();
        QloraExporter.Write([(question, prompt)], output);

        Assert.Equal(
            "{\"subject\": \"abstract_algebra\", \"input\": " +
            "\"\\\"q\\\"\\\\ a\\nb\\r\\tc\\b\\f\\u0001\\u001f\\u007f/\\u00e9\\u2013\\u00a0\\ud83d\\ude00 <&>'+\", " +
            "\"output\": \"B\"}\n",
            Encoding.ASCII.GetString(output.ToArray()));
    }

    [Fact]
    public void Writes_nothing_for_no_items_and_leaves_the_stream_open()
    {
        using var output = new MemoryStream();
        QloraExporter.Write([], output);
        Assert.Equal(0, output.Length);
        Assert.True(output.CanWrite);
    }

    private static string Snippet(byte[] bytes, int at) =>
        Encoding.UTF8.GetString(bytes, Math.Max(0, at - 30), Math.Min(bytes.Length, at + 30) - Math.Max(0, at - 30));
}
