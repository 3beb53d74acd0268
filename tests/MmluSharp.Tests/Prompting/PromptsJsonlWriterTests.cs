using System.Text;
using System.Text.Json;
using MmluSharp.Datasets;
using MmluSharp.Prompting;

namespace MmluSharp.Tests.Prompting;

public class PromptsJsonlWriterTests
{
    [Fact]
    public void Writes_one_line_per_question_with_the_seven_fields_in_order()
    {
        var question = PromptingData.Test("abstract_algebra", 0);
        var prompt = PromptBuilder.Build(PromptStyle.Harness, question, PromptingData.Shots("abstract_algebra", 5));

        var lines = WriteLines([(question, prompt), (question, prompt)], PromptStyle.Harness);

        Assert.Equal(2, lines.Length);
        using var doc = JsonDocument.Parse(lines[0]);
        var root = doc.RootElement;
        Assert.Equal(
            ["subject", "split", "index", "shots", "style", "prompt", "answer"],
            root.EnumerateObject().Select(p => p.Name));
        Assert.Equal("abstract_algebra", root.GetProperty("subject").GetString());
        Assert.Equal("test", root.GetProperty("split").GetString());
        Assert.Equal(0, root.GetProperty("index").GetInt32());
        Assert.Equal(5, root.GetProperty("shots").GetInt32());
        Assert.Equal("harness", root.GetProperty("style").GetString());
        Assert.Equal(prompt.Text, root.GetProperty("prompt").GetString());
        Assert.Equal(question.AnswerLetter, root.GetProperty("answer").GetString());
    }

    [Fact]
    public void Escapes_quotes_backslashes_and_newlines_but_keeps_non_ascii_and_html_characters()
    {
        var question = new Question("mmlu", "world_religions", "val", 7, "x", ["a", "b", "c", "d"], 3);
        var prompt = Prompt.PreRendered("He said \"über\" \\ 1+1 <b>&'\nAnswer:\t–");

        var line = WriteLines([(question, prompt)], PromptStyle.Original).Single();

        Assert.Equal(
            "{\"subject\":\"world_religions\",\"split\":\"val\",\"index\":7,\"shots\":0,\"style\":\"original\"," +
            "\"prompt\":\"He said \\\"über\\\" \\\\ 1+1 <b>&'\\nAnswer:\\t–\",\"answer\":\"D\"}",
            line);
        using var doc = JsonDocument.Parse(line);
        Assert.Equal(prompt.Text, doc.RootElement.GetProperty("prompt").GetString());
    }

    private static string[] WriteLines(IEnumerable<(Question, Prompt)> items, PromptStyle style)
    {
        using var output = new MemoryStream();
        PromptsJsonlWriter.Write(items, style.Name, output);
        var text = Encoding.UTF8.GetString(output.ToArray());
        Assert.EndsWith("\n", text, StringComparison.Ordinal);
        return text[..^1].Split('\n');
    }
}
