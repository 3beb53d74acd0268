using System.Globalization;
using System.Text.RegularExpressions;

namespace MmluSharp.Models;

/// <summary>
/// What a GGUF file name says, as llama.cpp reads it: a split part <c>PREFIX-00001-of-00003.gguf</c> (index 1 of 3)
/// and the quantization tag at the end of the prefix (<c>model-Q4_K_M.gguf</c> → <c>Q4_K_M</c>).
/// </summary>
/// <param name="Prefix">The path without <c>.gguf</c> and without the split suffix.</param>
/// <param name="Tag">The upper-cased tag after the last <c>-</c> or <c>.</c>, or empty.</param>
/// <param name="Index">1-based part number (1 for a single file).</param>
/// <param name="Count">Number of parts (1 for a single file).</param>
public sealed partial record GgufSplitName(string Prefix, string Tag, int Index, int Count)
{
    private const string Extension = ".gguf";

    /// <summary>Whether the file is one part of several.</summary>
    public bool IsSplit => Count > 1;

    /// <summary>The name of the file, or null when it does not end in <c>.gguf</c>.</summary>
    public static GgufSplitName? Parse(string path)
    {
        if (!path.EndsWith(Extension, StringComparison.Ordinal))
        {
            return null;
        }

        var prefix = path[..^Extension.Length];
        var (index, count) = (1, 1);
        if (SplitSuffix().Match(prefix) is { Success: true } split)
        {
            index = int.Parse(split.Groups[2].Value, CultureInfo.InvariantCulture);
            count = int.Parse(split.Groups[3].Value, CultureInfo.InvariantCulture);
            prefix = split.Groups[1].Value;
        }

        var tag = TagSuffix().Match(prefix) is { Success: true } t ? t.Groups[1].Value.ToUpperInvariant() : string.Empty;
        return new GgufSplitName(prefix, tag, index, count);
    }

    /// <summary>The path of part <paramref name="index"/> of this set.</summary>
    public string PartPath(int index) =>
        IsSplit ? string.Create(CultureInfo.InvariantCulture, $"{Prefix}-{index:D5}-of-{Count:D5}{Extension}") : Prefix + Extension;

    /// <summary>The paths of every part, first to last (the path itself for a single file).</summary>
    public IReadOnlyList<string> PartPaths() => [.. Enumerable.Range(1, Count).Select(PartPath)];

    [GeneratedRegex("^(.+)-([0-9]{5})-of-([0-9]{5})$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SplitSuffix();

    [GeneratedRegex("[-.]([A-Z0-9_]+)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TagSuffix();
}
