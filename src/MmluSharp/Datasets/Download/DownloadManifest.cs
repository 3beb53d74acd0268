using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace MmluSharp.Datasets.Download;

/// <summary>The <c>manifest.json</c> of a downloaded dataset, written last: without it a folder is not downloaded.</summary>
/// <param name="Schema">Always <c>mmlusharp.dataset/1</c>.</param>
/// <param name="Name">The dataset's name, e.g. <c>mmlu</c>.</param>
/// <param name="Title">Where it came from, in words.</param>
/// <param name="Sources">The URLs fetched.</param>
/// <param name="Downloads">The files fetched, with URL, size, SHA-256 and whether the hash was verified.</param>
/// <param name="Files">The files of the dataset folder (the manifest excluded).</param>
/// <param name="Downloaded">When.</param>
/// <param name="ToolVersion">The mmlu version that downloaded it.</param>
public sealed record DownloadManifest(
    string Schema,
    string Name,
    string Title,
    IReadOnlyList<Uri> Sources,
    IReadOnlyList<ManifestFile> Downloads,
    IReadOnlyList<ManifestFile> Files,
    DateTimeOffset Downloaded,
    string ToolVersion)
{
    /// <summary>The schema id every manifest this version writes has.</summary>
    public const string CurrentSchema = "mmlusharp.dataset/1";

    /// <summary>Writes the manifest into <paramref name="folder"/> atomically (temporary file, then rename).</summary>
    public void WriteTo(string folder) => IO.JsonFiles.Write(Path.Combine(folder, DatasetCache.ManifestFileName), this);

    /// <summary>Reads the manifest of <paramref name="folder"/>.</summary>
    /// <exception cref="DatasetException">It is not a readable manifest.</exception>
    public static DownloadManifest ReadFrom(string folder)
    {
        var path = Path.Combine(folder, DatasetCache.ManifestFileName);
        try
        {
            using var stream = File.OpenRead(path);
            return JsonSerializer.Deserialize<DownloadManifest>(stream, IO.JsonFiles.Options) ?? throw new JsonException("null");
        }
        catch (JsonException e)
        {
            throw DatasetException.At(path, 0, $"not a readable manifest: {e.Message}");
        }
    }
}
