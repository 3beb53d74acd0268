using System.Buffers;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace MmluSharp.Results;

/// <summary>
/// One <see cref="Sample"/> as one JSON line of <c>samples.jsonl</c>. A line is serialised whole before any byte of it
/// is written, so a sample that cannot be written leaves nothing behind. A log-probability of −∞ (probability 0, which
/// servers may report) is written as the string <c>"-Infinity"</c>, since JSON numbers cannot hold it; NaN and +∞ are
/// not log-probabilities and are refused.
/// </summary>
internal static class SampleJson
{
    /// <summary>How −∞ is spelt in <c>logprobs</c> (System.Text.Json's and Python's name for it).</summary>
    public const string NegativeInfinity = "-Infinity";

    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Writes the sample's line, newline included, in one write.</summary>
    /// <exception cref="InvalidDataException">A log-probability is NaN or +∞; nothing is written.</exception>
    public static void Write(Stream stream, Sample sample) => stream.Write(ToLine(sample).Span);

    /// <summary>The sample's line, newline included.</summary>
    /// <exception cref="InvalidDataException">A log-probability is NaN or +∞.</exception>
    public static ReadOnlyMemory<byte> ToLine(Sample sample)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var json = new Utf8JsonWriter(buffer, WriterOptions))
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
                WriteLogprob(json, sample, letter, logprob);
            }

            json.WriteEndObject();
            if (sample.Floored is { Count: > 0 } floored)
            {
                json.WriteStartArray("floored");
                foreach (var letter in floored)
                {
                    json.WriteStringValue(letter);
                }

                json.WriteEndArray();
            }

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

        buffer.Write("\n"u8);
        return buffer.WrittenMemory;
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
            logprobs[property.Name] = ReadLogprob(property.Value);
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
            root.TryGetProperty("truncated_tokens", out var truncated) ? truncated.GetInt32() : 0,
            root.TryGetProperty("floored", out var floored) ? [.. floored.EnumerateArray().Select(l => l.GetString()!)] : null);
    }

    private static void WriteLogprob(Utf8JsonWriter json, Sample sample, string letter, double logprob)
    {
        if (double.IsFinite(logprob))
        {
            json.WriteNumber(letter, logprob);
        }
        else if (double.IsNegativeInfinity(logprob))
        {
            json.WriteString(letter, NegativeInfinity);
        }
        else
        {
            throw new InvalidDataException(string.Create(
                CultureInfo.InvariantCulture,
                $"{sample.Subject} #{sample.Index}: the log-probability of {letter} is {logprob}, which is not a log-probability; the sample was not written."));
        }
    }

    private static double ReadLogprob(JsonElement value) =>
        value.ValueKind == JsonValueKind.String && value.GetString() == NegativeInfinity
            ? double.NegativeInfinity
            : value.GetDouble();
}
