using System.Globalization;
using System.Numerics;
using System.Text.RegularExpressions;
using Spectre.Console.Cli;

namespace MmluSharp.Cli.Terminal;

/// <summary>
/// Spectre reports a value it cannot convert to its option's type as "Failed to convert '99999999999' to Int32.",
/// naming neither the option nor the range. This finds the option in the command line and says what it takes.
/// </summary>
internal static partial class OptionValueError
{
    /// <summary>One line naming the option and what is wrong with its value, or null when <paramref name="e"/> is not a conversion failure.</summary>
    public static string? Describe(Exception e, IReadOnlyList<string> args)
    {
        if (e is not CommandRuntimeException || ConversionFailure().Match(e.Message) is not { Success: true } match)
        {
            return null;
        }

        var value = match.Groups["value"].Value;
        var option = OptionOf(value, args) ?? "an option";
        if (BigInteger.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
        {
            return number > int.MaxValue
                ? string.Create(CultureInfo.InvariantCulture, $"{option} {value} is too large: the most it takes is {int.MaxValue}.")
                : string.Create(CultureInfo.InvariantCulture, $"{option} {value} is too small: the least it takes is {int.MinValue}.");
        }

        return $"{option} takes a whole number, not '{value}'.";
    }

    /// <summary>The option given <paramref name="value"/>: <c>--limit VALUE</c>, <c>--limit=VALUE</c> or <c>--limit:VALUE</c>.</summary>
    private static string? OptionOf(string value, IReadOnlyList<string> args)
    {
        for (var i = 0; i < args.Count; i++)
        {
            if (i > 0 && args[i] == value && args[i - 1].StartsWith('-'))
            {
                return args[i - 1];
            }

            var separator = args[i].IndexOfAny(['=', ':']);
            if (args[i].StartsWith('-') && separator > 0 && args[i][(separator + 1)..] == value)
            {
                return args[i][..separator];
            }
        }

        return null;
    }

    [GeneratedRegex("^Failed to convert '(?<value>.*)' to [^ ]+\\.$", RegexOptions.Singleline)]
    private static partial Regex ConversionFailure();
}
