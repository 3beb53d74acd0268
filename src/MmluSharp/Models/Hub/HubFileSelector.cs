using System.Text.RegularExpressions;

namespace MmluSharp.Models.Hub;

/// <summary>
/// Picks a repository's GGUF model as llama.cpp's <c>-hf owner/repo[:quant]</c> does (common/download.cpp): only
/// <c>.gguf</c> files whose name does not mark a companion (<c>mmproj</c>, <c>imatrix</c>, <c>mtp-</c>, <c>eagle3-</c>,
/// <c>dflash-</c>, <c>dspark-</c>) are models; a tag matches a path holding <c>TAG.</c> or <c>TAG-</c> (any case); with no
/// tag, <c>Q4_K_M</c> then <c>Q8_0</c>; a split set is named by its first part and comes whole. Where llama.cpp silently
/// takes the first of several matches, this refuses and lists them: a measurement must say which weights it used.
/// </summary>
internal static class HubFileSelector
{
    private static readonly string[] DefaultTags = ["Q4_K_M", "Q8_0"];
    private static readonly string[] CompanionMarks = ["mmproj", "imatrix", "mtp-", "eagle3-", "dflash-", "dspark-"];
    private const int MaxListed = 12;

    /// <summary>The paths of the model's files (first part first) among <paramref name="paths"/>.</summary>
    /// <param name="paths">Every file of the repository (or of the cached snapshot).</param>
    /// <param name="reference">What was asked for.</param>
    /// <param name="where">Where the list comes from, for messages, e.g. <c>owner/repo@main</c>.</param>
    /// <exception cref="HubException">No GGUF model, no match, several matches, an unknown file or an incomplete split set.</exception>
    public static IReadOnlyList<string> Select(IReadOnlyList<string> paths, HubReference reference, string where)
    {
        var primary = reference.File is { } file ? Exact(paths, file, reference, where) : ByTag(paths, reference, where);
        return SplitSet(paths, primary, where);
    }

    /// <summary>True when the path is a GGUF model file (not a projector, importance matrix or draft model).</summary>
    public static bool IsModel(string path)
    {
        if (!path.EndsWith(".gguf", StringComparison.Ordinal))
        {
            return false;
        }

        var name = path[(path.LastIndexOf('/') + 1)..];
        return !CompanionMarks.Any(mark => name.Contains(mark, StringComparison.Ordinal));
    }

    private static string Exact(IReadOnlyList<string> paths, string file, HubReference reference, string where)
    {
        if (!file.EndsWith(".gguf", StringComparison.OrdinalIgnoreCase))
        {
            throw new HubException($"{reference.Repository}/{file} is not a GGUF file (the name must end in .gguf)");
        }

        return paths.FirstOrDefault(p => string.Equals(p, file, StringComparison.OrdinalIgnoreCase))
            ?? throw new HubException($"{where} has no file '{file}'; {ListGguf(paths)}");
    }

    private static string ByTag(IReadOnlyList<string> paths, HubReference reference, string where)
    {
        // First parts of split sets and single files: one entry per model.
        var models = paths.Where(IsModel).Where(p => GgufSplitName.Parse(p)!.Index == 1).ToList();
        if (models.Count == 0)
        {
            throw new HubException($"{where} has no GGUF model file; {ListFiles(paths)}");
        }

        if (reference.Quant is { } quant)
        {
            var matches = Matching(models, quant);
            return matches.Count switch
            {
                1 => matches[0],
                0 => throw new HubException($"{where} has no GGUF model for tag {quant}; {Choices(models, reference)}"),
                _ => throw Ambiguous($"{where}: tag {quant} matches {matches.Count} models", matches, reference),
            };
        }

        foreach (var tag in DefaultTags)
        {
            var matches = Matching(models, tag);
            if (matches.Count == 1)
            {
                return matches[0];
            }

            if (matches.Count > 1)
            {
                throw Ambiguous($"{where}: the default tag {tag} matches {matches.Count} models", matches, reference);
            }
        }

        return models.Count == 1
            ? models[0]
            : throw new HubException($"{where} holds {models.Count} GGUF models and none is {string.Join(" or ", DefaultTags)}: choose one; {Choices(models, reference)}");
    }

    private static List<string> Matching(IEnumerable<string> models, string tag)
    {
        var pattern = new Regex(Regex.Escape(tag) + "[.-]", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
        return [.. models.Where(p => pattern.IsMatch(p))];
    }

    private static IReadOnlyList<string> SplitSet(IReadOnlyList<string> paths, string primary, string where)
    {
        var name = GgufSplitName.Parse(primary) ?? GgufSplitName.Parse(primary.ToLowerInvariant())!;
        if (!name.IsSplit)
        {
            return [primary];
        }

        var set = new List<string>(name.Count);
        for (var i = 1; i <= name.Count; i++)
        {
            var part = name.PartPath(i);
            set.Add(paths.FirstOrDefault(p => string.Equals(p, part, StringComparison.OrdinalIgnoreCase))
                ?? throw new HubException($"{where}: the split set {name.PartPath(1)} lacks part {i} of {name.Count} ({part})"));
        }

        return set;
    }

    private static HubException Ambiguous(string what, IReadOnlyList<string> matches, HubReference reference) =>
        new($"{what}: {List(matches)}; name one with {reference.Repository}/<path>{At(reference)}");

    private static string Choices(IReadOnlyList<string> models, HubReference reference)
    {
        var tags = models.Select(p => GgufSplitName.Parse(p)!.Tag).ToList();
        var unique = tags.All(t => t.Length > 0 && tags.Count(u => u == t) == 1);
        return unique
            ? $"available tags: {List(tags.Order(StringComparer.Ordinal).ToList())} (or name a file: {reference.Repository}/<path>{At(reference)})"
            : $"available models: {List(models)}; name one with {reference.Repository}/<path>{At(reference)}";
    }

    private static string ListGguf(IReadOnlyList<string> paths)
    {
        var gguf = paths.Where(p => p.EndsWith(".gguf", StringComparison.OrdinalIgnoreCase)).ToList();
        return gguf.Count == 0 ? "it has no GGUF file" : $"GGUF files: {List(gguf)}";
    }

    private static string ListFiles(IReadOnlyList<string> paths) => paths.Count == 0 ? "it has no files" : $"files: {List(paths)}";

    private static string List(IReadOnlyList<string> items) =>
        items.Count <= MaxListed ? string.Join(", ", items) : string.Join(", ", items.Take(MaxListed)) + $", … ({items.Count} in all)";

    private static string At(HubReference reference) => reference.Revision is null ? string.Empty : "@" + reference.Revision;
}
