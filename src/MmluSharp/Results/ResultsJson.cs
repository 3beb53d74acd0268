using System.Text.Json;
using MmluSharp.IO;

namespace MmluSharp.Results;

/// <summary>Reads and writes <c>results.json</c> (snake_case, invariant, indented).</summary>
public static class ResultsJson
{
    /// <summary>Writes <paramref name="results"/> to <paramref name="path"/> atomically (temp file, then rename).</summary>
    public static void Write(RunResults results, string path) => JsonFiles.Write(path, results);

    /// <summary>Reads a <c>results.json</c>; a file of another schema is refused.</summary>
    public static RunResults Read(string path)
    {
        using var stream = File.OpenRead(path);
        RunResults? results;
        try
        {
            results = JsonSerializer.Deserialize<RunResults>(stream, JsonFiles.Options);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path}: not a results file ({e.Message})", e);
        }

        if (results is null || results.Schema != RunResults.CurrentSchema)
        {
            throw new InvalidDataException($"{path}: schema '{results?.Schema}' is not {RunResults.CurrentSchema}.");
        }

        return results;
    }
}
