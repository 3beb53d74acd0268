using System.Text.Json;
using System.Text.Unicode;

namespace MmluSharp.Datasets;

/// <summary>
/// Reads QLoRA's MMLU files, which are JSON Lines despite the <c>.json</c> name: one object
/// <c>{"subject": …, "input": …, "output": …}</c> per line. Other keys are ignored.
/// </summary>
public static class QloraJsonReader
{
    /// <summary>All records in file order.</summary>
    /// <exception cref="DatasetException">A line is not a JSON object with string <c>subject</c>, <c>input</c> and <c>output</c>; the message names file and line.</exception>
    public static IReadOnlyList<QloraRecord> Read(string path)
    {
        var bytes = DataFile.ReadAllBytes(path);

        ReadOnlySpan<byte> rest = bytes.AsSpan().StartsWith("\uFEFF"u8) ? bytes.AsSpan(3) : bytes;
        var records = new List<QloraRecord>();
        for (var line = 1; !rest.IsEmpty; line++)
        {
            var end = rest.IndexOf((byte)'\n');
            var text = end < 0 ? rest : rest[..end];
            rest = end < 0 ? [] : rest[(end + 1)..];
            if (text.EndsWith("\r"u8))
            {
                text = text[..^1];
            }

            records.Add(ParseLine(text, path, line));
        }

        if (records.Count == 0)
        {
            throw DatasetException.At(path, 1, "empty file");
        }

        return records;
    }

    private static QloraRecord ParseLine(ReadOnlySpan<byte> text, string path, int line)
    {
        if (!Utf8.IsValid(text))
        {
            throw DatasetException.At(path, line, "invalid UTF-8");
        }

        try
        {
            var reader = new Utf8JsonReader(text);
            using var doc = JsonDocument.ParseValue(ref reader);
            if (reader.BytesConsumed != text.Length && !text[(int)reader.BytesConsumed..].Trim(" \t"u8).IsEmpty)
            {
                throw DatasetException.At(path, line, "more than one JSON value on the line");
            }

            if (doc.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw DatasetException.At(path, line, $"expected a JSON object, found {doc.RootElement.ValueKind}");
            }

            return new QloraRecord(line, Get(doc.RootElement, "subject", path, line), Get(doc.RootElement, "input", path, line), Get(doc.RootElement, "output", path, line));
        }
        catch (JsonException e)
        {
            throw DatasetException.At(path, line, $"invalid JSON: {e.Message}");
        }
    }

    private static string Get(JsonElement obj, string key, string path, int line) =>
        obj.TryGetProperty(key, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : throw DatasetException.At(path, line, $"missing string property \"{key}\"");
}
