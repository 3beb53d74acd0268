namespace MmluSharp.Running;

/// <summary>
/// Edits a command line as <c>mmlu</c> parses it: an option is <c>--name value</c>, <c>--name=value</c> or
/// <c>--name:value</c> (a flag has no value), so a recorded command can be replayed with one option changed.
/// </summary>
internal static class CommandArguments
{
    /// <summary><paramref name="arguments"/> without any occurrence of the options <paramref name="names"/> (with their values).</summary>
    public static List<string> Without(IReadOnlyList<string> arguments, IReadOnlyCollection<string> names, bool takesValue = true)
    {
        var kept = new List<string>(arguments.Count);
        for (var i = 0; i < arguments.Count; i++)
        {
            var argument = arguments[i];
            if (names.Contains(argument))
            {
                i += takesValue ? 1 : 0;
            }
            else if (!names.Any(name => argument.StartsWith(name + "=", StringComparison.Ordinal) || argument.StartsWith(name + ":", StringComparison.Ordinal)))
            {
                kept.Add(argument);
            }
        }

        return kept;
    }

    /// <summary><paramref name="arguments"/> with the option (any of its <paramref name="names"/>) set to <paramref name="value"/> once, at the end.</summary>
    public static List<string> With(IReadOnlyList<string> arguments, IReadOnlyCollection<string> names, string value) =>
        [.. Without(arguments, names), names.First(), value];

    /// <summary>The last value given to the option <paramref name="names"/>, or null.</summary>
    public static string? ValueOf(IReadOnlyList<string> arguments, IReadOnlyCollection<string> names)
    {
        string? value = null;
        for (var i = 0; i < arguments.Count; i++)
        {
            var argument = arguments[i];
            if (names.Contains(argument) && i + 1 < arguments.Count)
            {
                value = arguments[++i];
                continue;
            }

            foreach (var name in names)
            {
                if (argument.StartsWith(name + "=", StringComparison.Ordinal) || argument.StartsWith(name + ":", StringComparison.Ordinal))
                {
                    value = argument[(name.Length + 1)..];
                }
            }
        }

        return value;
    }
}
