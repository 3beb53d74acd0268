using System.Security.Cryptography;
using MmluSharp.Models;
using MmluSharp.Results;

namespace MmluSharp.LlamaCpp;

/// <summary>
/// A GGUF model as results record it: its name, path, size, parameter count and tensor type from the header, and the
/// SHA-256 of its bytes (of every part, in order, for a split model), which identifies a run: a run folder is not
/// resumed with other weights.
/// </summary>
internal static class ModelFiles
{
    /// <summary>Reads every part once, hashing each and all of them together.</summary>
    /// <exception cref="OperationCanceledException">Cancelled while reading.</exception>
    public static ModelDescription Describe(string path, GgufModelInfo gguf, CancellationToken cancellationToken)
    {
        var parts = gguf.Files == 1 ? [path] : GgufSplitName.Parse(path)!.PartPaths();
        using var all = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var files = new List<ModelFile>(parts.Count);
        var buffer = new byte[1 << 20];
        foreach (var part in parts)
        {
            using var one = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            using var stream = new FileStream(part, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20, FileOptions.SequentialScan);
            int read;
            while ((read = stream.Read(buffer)) > 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                one.AppendData(buffer, 0, read);
                all.AppendData(buffer, 0, read);
            }

            files.Add(new ModelFile(Path.GetFileName(part), stream.Length, Convert.ToHexStringLower(one.GetHashAndReset())));
        }

        var name = Path.GetFileName(GgufSplitName.Parse(path)?.Prefix ?? Path.GetFileNameWithoutExtension(path));
        return new ModelDescription(
            name, Path.GetFullPath(path), gguf.FileSize, Convert.ToHexStringLower(all.GetHashAndReset()),
            Parameters: gguf.ParameterCount, FileType: gguf.FileType, Files: files.Count > 1 ? files : null);
    }
}
