using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace MmluSharp.IO;

/// <summary>The JSON files mmlu writes (results, run and download manifests): snake_case, indented, invariant, atomic.</summary>
internal static class JsonFiles
{
    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>Writes <paramref name="value"/> and a final newline to <paramref name="path"/>, atomically.</summary>
    public static void Write<T>(string path, T value) => AtomicFile.Write(path, stream =>
    {
        JsonSerializer.Serialize(stream, value, Options);
        stream.WriteByte((byte)'\n');
    });
}
