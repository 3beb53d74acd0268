namespace MmluSharp.Results;

/// <summary>Where a model came from when <c>--model</c> named it on the Hugging Face Hub.</summary>
/// <param name="Reference">The reference as given, e.g. <c>owner/repo:Q4_K_M</c>.</param>
/// <param name="Repository"><c>owner/repo</c>.</param>
/// <param name="Revision">The revision asked for (<c>main</c> by default).</param>
/// <param name="Commit">The commit it resolved to: with the files' SHA-256, exactly which weights were measured.</param>
/// <param name="Endpoint">The Hub or mirror it came from (<c>HF_ENDPOINT</c>).</param>
public sealed record HubSource(string Reference, string Repository, string Revision, string Commit, string Endpoint);
