namespace MmluSharp.Models.Hub;

/// <summary>A reference resolved to a commit and the file (or split set) it names.</summary>
/// <param name="Reference">What was asked for.</param>
/// <param name="Commit">The commit the revision resolved to.</param>
/// <param name="Files">The model's files, first part first.</param>
/// <param name="AskedHub">True when the Hub was asked; false when the cache answered alone.</param>
/// <param name="Downloaded">The size of the files this call downloaded (0 when all were in the cache).</param>
public sealed record HubModel(HubReference Reference, string Commit, IReadOnlyList<HubModelFile> Files, bool AskedHub, long Downloaded = 0)
{
    /// <summary>The file llama.cpp loads: the only file, or the first part of a split set.</summary>
    public string LocalPath => Files[0].LocalPath;

    /// <summary>True when every file is in the cache's snapshot.</summary>
    public bool IsComplete => Files.All(f => HubCache.Size(f.LocalPath) is not null);
}
