namespace MmluSharp.Datasets;

/// <summary>Which subjects a request reads, the same way for every benchmark.</summary>
internal static class SubjectSelection
{
    /// <summary>
    /// The requested subjects, distinct and in ordinal order, or all of <paramref name="available"/> when none were
    /// requested.
    /// </summary>
    /// <param name="available">The subjects the data has, in ordinal order.</param>
    /// <param name="requested">The subjects asked for, or null for all.</param>
    /// <param name="where">The file or folder named in the error.</param>
    /// <param name="qualifier">Follows "unknown subject(s)" in the error, e.g. <c> for split 'test'</c>.</param>
    /// <param name="hint">Ends the error, e.g. the list of valid names.</param>
    /// <exception cref="DatasetException">A requested subject is not available; the message lists them all.</exception>
    public static IReadOnlyList<string> Choose(
        IReadOnlyList<string> available, IReadOnlyCollection<string>? requested, string where, string qualifier = "", string hint = "")
    {
        if (requested is null)
        {
            return available;
        }

        var known = available.ToHashSet(StringComparer.Ordinal);
        var unknown = requested.Where(s => !known.Contains(s)).Distinct(StringComparer.Ordinal).ToList();
        if (unknown.Count > 0)
        {
            throw DatasetException.At(where, 0, $"unknown subject(s){qualifier}: {string.Join(", ", unknown)}{hint}");
        }

        return [.. requested.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
    }
}
