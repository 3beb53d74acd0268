namespace MmluSharp.Running;

/// <summary>
/// Words for a POSIX shell (sh, bash): a word made only of characters no shell treats specially stays as it is;
/// any other is single-quoted, so <c>$</c>, backquotes, <c>;</c>, globs, spaces and newlines reach the program as
/// written.
/// </summary>
internal static class ShellWords
{
    /// <summary><paramref name="word"/> as one shell word.</summary>
    public static string Quote(string word) =>
        word.Length > 0 && word.All(IsPlain) ? word : "'" + word.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    /// <summary>The words as one command line, each quoted as needed.</summary>
    public static string Join(IEnumerable<string> words) => string.Join(' ', words.Select(Quote));

    private static bool IsPlain(char c) =>
        c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '-' or '_' or '.' or '/' or ',' or ':' or '+' or '@' or '%' or '=';
}
