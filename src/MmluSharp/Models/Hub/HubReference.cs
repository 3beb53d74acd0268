using System.Text.RegularExpressions;

namespace MmluSharp.Models.Hub;

/// <summary>
/// A model on the Hugging Face Hub, as <c>--model</c> names it: <c>owner/repo</c>, <c>owner/repo:QUANT</c> (a tag such as
/// <c>Q4_K_M</c> or <c>q8_0</c>, case-insensitive) or <c>owner/repo/path/file.gguf</c>, each optionally followed by
/// <c>@revision</c> (a branch, tag or commit; <c>main</c> when absent). <c>owner/repo@revision:QUANT</c> is accepted too.
/// </summary>
/// <param name="Repository"><c>owner/repo</c>.</param>
/// <param name="Quant">The quantization tag as written, or null.</param>
/// <param name="File">The file's path in the repository, or null.</param>
/// <param name="Revision">The branch, tag or commit asked for, or null for <c>main</c>.</param>
public sealed partial record HubReference(string Repository, string? Quant, string? File, string? Revision)
{
    /// <summary>The revision used when none is given.</summary>
    public const string DefaultRevision = "main";

    /// <summary>The revision to resolve: <see cref="Revision"/>, else <c>main</c>.</summary>
    public string RevisionOrDefault => Revision ?? DefaultRevision;

    /// <summary>True when <see cref="Revision"/> is a full commit hash (40 hex digits, lower case).</summary>
    public bool RevisionIsCommit => Revision is not null && IsCommit(Revision);

    /// <summary>Parses a reference; null when <paramref name="text"/> is not one (it may then be a local path).</summary>
    public static HubReference? TryParse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        string? revision = null;
        string? quant = null;
        var body = text;
        var at = body.IndexOf('@', StringComparison.Ordinal);
        if (at >= 0)
        {
            revision = body[(at + 1)..];
            body = body[..at];

            // ':' cannot appear in a git ref, so "@rev:QUANT" is unambiguous.
            var colonInRevision = revision.IndexOf(':', StringComparison.Ordinal);
            if (colonInRevision >= 0)
            {
                quant = revision[(colonInRevision + 1)..];
                revision = revision[..colonInRevision];
            }

            if (!IsRevision(revision))
            {
                return null;
            }
        }

        var colon = body.IndexOf(':', StringComparison.Ordinal);
        if (colon >= 0)
        {
            if (quant is not null)
            {
                return null;
            }

            quant = body[(colon + 1)..];
            body = body[..colon];
        }

        if (quant is not null && !QuantPattern().IsMatch(quant))
        {
            return null;
        }

        var parts = body.Split('/');
        if (parts.Length < 2 || !IsRepoName(parts[0]) || !IsRepoName(parts[1]))
        {
            return null;
        }

        // "models/m.gguf" is a local path that does not exist, not a repository named "m.gguf".
        if (parts.Length == 2 && parts[1].EndsWith(".gguf", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        string? file = null;
        if (parts.Length > 2)
        {
            var segments = parts[2..];
            if (quant is not null || segments.Any(s => s.Length == 0 || s is "." or ".." || s.Contains('\\', StringComparison.Ordinal)))
            {
                return null;
            }

            file = string.Join('/', segments);
        }

        return new HubReference(parts[0] + "/" + parts[1], quant, file, revision);
    }

    /// <summary>Parses a reference or throws a <see cref="HubException"/> that shows the accepted forms.</summary>
    public static HubReference Parse(string text) => TryParse(text) ?? throw new HubException(
        $"'{text}' is not a Hugging Face model reference: expected owner/repo, owner/repo:QUANT or owner/repo/path/file.gguf, optionally followed by @revision");

    /// <summary>True for a full commit hash.</summary>
    public static bool IsCommit(string revision) => CommitPattern().IsMatch(revision);

    /// <summary>The canonical text: <c>owner/repo[:QUANT | /file][@revision]</c>.</summary>
    public override string ToString() =>
        Repository + (Quant is null ? string.Empty : ":" + Quant) + (File is null ? string.Empty : "/" + File) + (Revision is null ? string.Empty : "@" + Revision);

    // huggingface_hub's validate_repo_id: letters, digits, '-', '_', '.'; no '--' or '..'; not starting or ending with '-' or '.'.
    private static bool IsRepoName(string name) =>
        name.Length is > 0 and <= 96 && RepoNamePattern().IsMatch(name)
        && !name.Contains("--", StringComparison.Ordinal) && !name.Contains("..", StringComparison.Ordinal);

    // A git ref name (branch, tag, refs/pr/1) or a commit: no empty or dot segments, nothing a path could escape with.
    private static bool IsRevision(string revision) =>
        revision.Length is > 0 and <= 256
        && !revision.Split('/').Any(s => s.Length == 0 || s.StartsWith('.'))
        && !revision.Any(c => char.IsControl(c) || char.IsWhiteSpace(c) || c is '\\' or ':' or '?' or '*' or '[' or '~' or '^');

    [GeneratedRegex("^[A-Za-z0-9_](?:[A-Za-z0-9_.-]*[A-Za-z0-9_])?$", RegexOptions.CultureInvariant)]
    private static partial Regex RepoNamePattern();

    [GeneratedRegex("^[A-Za-z0-9_-]+$", RegexOptions.CultureInvariant)]
    private static partial Regex QuantPattern();

    [GeneratedRegex("^[0-9a-f]{40}$", RegexOptions.CultureInvariant)]
    private static partial Regex CommitPattern();
}
