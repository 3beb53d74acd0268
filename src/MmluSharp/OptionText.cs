using System.Globalization;

namespace MmluSharp;

/// <summary>
/// Messages that mention options: a mention is an argument of a <see cref="FormattableString"/> rendered with the
/// reader's name for the option (the library's own name by default). See <see cref="IMentionsOptions"/>.
/// </summary>
internal static class OptionText
{
    /// <summary>An option mentioned in a message, rendered with the reader's name for it.</summary>
    public static object Mention(string option) => new Mentioned(option);

    /// <summary><paramref name="text"/> with every mention (also in a message it quotes) named by <paramref name="nameOf"/>.</summary>
    public static string Render(FormattableString text, Func<string, string> nameOf) =>
        string.Format(
            CultureInfo.InvariantCulture,
            text.Format,
            [.. text.GetArguments().Select(a => a switch
            {
                Mentioned m => nameOf(m.Option),
                FormattableString quoted => Render(quoted, nameOf),
                _ => a,
            })]);

    /// <summary><paramref name="text"/> with every option named as the library names it.</summary>
    public static string Render(FormattableString text) => Render(text, name => name);

    private sealed record Mentioned(string Option);
}
