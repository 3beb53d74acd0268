using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using MmluSharp.Datasets;

namespace MmluSharp.Prompting;

/// <summary>
/// Writes the prompts of <c>mmlu prompts</c> as JSON lines:
/// <c>{"subject","split","index","shots","style","prompt","answer"}</c>, UTF-8, non-ASCII left as it is.
/// </summary>
public static class PromptsJsonlWriter
{
    private static readonly JsonWriterOptions Options = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = false,
    };

    /// <summary>Writes one line per item, each ending in <c>\n</c>.</summary>
    /// <param name="items">The questions with their prompts, in the order to write them.</param>
    /// <param name="style">The name of the style the prompts were built in; it goes in every line.</param>
    /// <param name="output">Receives the lines; left open.</param>
    public static void Write(IEnumerable<(Question Question, Prompt Prompt)> items, string style, Stream output)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(style);
        ArgumentNullException.ThrowIfNull(output);
        var buffer = new ArrayBufferWriter<byte>(1 << 16);
        using var json = new Utf8JsonWriter(buffer, Options);
        foreach (var (question, prompt) in items)
        {
            json.WriteStartObject();
            json.WriteString("subject", question.Subject);
            json.WriteString("split", question.Split);
            json.WriteNumber("index", question.Index);
            json.WriteNumber("shots", prompt.Shots.Count);
            json.WriteString("style", style);
            if (question.Rotation != 0)
            {
                json.WriteNumber("rotation", question.Rotation);
            }

            json.WritePropertyName("prompt");
            json.WriteStringValueSegment(prompt.Header, isFinalSegment: false);
            foreach (var shot in prompt.Shots)
            {
                json.WriteStringValueSegment(shot, isFinalSegment: false);
            }

            json.WriteStringValueSegment(prompt.Query, isFinalSegment: true);
            json.WriteString("answer", question.AnswerLetter);
            json.WriteEndObject();
            json.Flush();
            buffer.Write("\n"u8);
            output.Write(buffer.WrittenSpan);
            buffer.ResetWrittenCount();
            json.Reset(buffer);
        }
    }
}
