using System.Text.Encodings.Web;
using System.Text.Json;

namespace MmluSharp.Results;

/// <summary>One <see cref="Sample"/> as one JSON line of <c>samples.jsonl</c>.</summary>
internal static class SampleJson
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void Write(Stream stream, Sample sample)
    {
        using (var json = new Utf8JsonWriter(stream, WriterOptions))
        {
            json.WriteStartObject();
            json.WriteString("subject", sample.Subject);
            json.WriteNumber("index", sample.Index);
            if (sample.Rotation != 0)
            {
                json.WriteNumber("rotation", sample.Rotation);
            }

            json.WriteString("gold", sample.Gold);
            json.WriteString("pred", sample.Pred);
            json.WriteBoolean("correct", sample.Correct);
            json.WriteStartObject("logprobs");
            foreach (var (letter, logprob) in sample.LogProbs)
            {
                json.WriteNumber(letter, logprob);
            }

            json.WriteEndObject();
            json.WriteNumber("shots_used", sample.ShotsUsed);
            if (sample.TruncatedTokens > 0)
            {
                json.WriteNumber("truncated_tokens", sample.TruncatedTokens);
            }

            json.WriteString("prompt_sha256", sample.PromptSha256);
            if (sample.Response is not null)
            {
                json.WriteString("response", sample.Response);
                json.WriteString("extraction", sample.Extraction);
            }

            if (sample.Options > 0 && sample.Options != sample.LogProbs.Count)
            {
                json.WriteNumber("options", sample.Options);
            }

            json.WriteEndObject();
        }

        stream.WriteByte((byte)'\n');
    }

    /// <summary>Parses one line; <see cref="JsonException"/> or <see cref="KeyNotFoundException"/> when it is not a sample.</summary>
    public static Sample Parse(ReadOnlySpan<byte> line)
    {
        var reader = new Utf8JsonReader(line);
        using var doc = JsonDocument.ParseValue(ref reader);
        var root = doc.RootElement;
        var logprobs = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var property in root.GetProperty("logprobs").EnumerateObject())
        {
            logprobs[property.Name] = property.Value.GetDouble();
        }

        return new Sample(
            root.GetProperty("subject").GetString()!,
            root.GetProperty("index").GetInt32(),
            root.GetProperty("gold").GetString()!,
            root.GetProperty("pred").GetString()!,
            root.GetProperty("correct").GetBoolean(),
            logprobs,
            root.GetProperty("shots_used").GetInt32(),
            root.GetProperty("prompt_sha256").GetString()!,
            root.TryGetProperty("response", out var response) ? response.GetString() : null,
            root.TryGetProperty("extraction", out var extraction) ? extraction.GetString() : null,
            root.TryGetProperty("rotation", out var rotation) ? rotation.GetInt32() : 0,
            root.TryGetProperty("options", out var options) ? options.GetInt32() : 0,
            root.TryGetProperty("truncated_tokens", out var truncated) ? truncated.GetInt32() : 0);
    }
}
