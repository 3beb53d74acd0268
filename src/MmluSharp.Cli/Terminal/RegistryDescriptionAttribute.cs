using System.ComponentModel;
using MmluSharp.Benchmarks;

namespace MmluSharp.Cli.Terminal;

/// <summary>
/// An option's help text with the registered benchmarks filled in when help is shown, so no help lists them by hand:
/// <c>{benchmarks}</c> (their names), <c>{splits}</c> and <c>{styles}</c> (each benchmark's, the default first), and
/// <c>{downloads}</c> (those <c>mmlu datasets download</c> can fetch), and <c>{formats}</c> (the report formats).
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Class)]
internal sealed class RegistryDescriptionAttribute(string text) : DescriptionAttribute(text)
{
    public override string Description => Fill(DescriptionValue);

    /// <summary><paramref name="text"/> with the registry's lists in place of the placeholders.</summary>
    public static string Fill(string text)
    {
        var all = BenchmarkRegistry.Default.All;
        return text
            .Replace("{benchmarks}", string.Join(", ", all.Select(b => b.Name)), StringComparison.Ordinal)
            .Replace("{splits}", string.Join("; ", all.Select(b => $"{b.Name}: {string.Join(", ", b.Splits)}")), StringComparison.Ordinal)
            .Replace("{styles}", string.Join("; ", all.Select(b => $"{b.Name}: {string.Join(", ", b.Styles)}")), StringComparison.Ordinal)
            .Replace("{downloads}", string.Join(", ", all.Where(b => b.Source is not null).Select(b => b.Name)), StringComparison.Ordinal)
            .Replace("{formats}", Reports.ReportWriters.Names, StringComparison.Ordinal);
    }
}
