namespace MmluSharp.Models.Hub;

/// <summary>A repository at a revision: the commit it resolved to and the files there.</summary>
internal sealed record HubRevision(string Commit, IReadOnlyList<HubRepoFile> Files);
