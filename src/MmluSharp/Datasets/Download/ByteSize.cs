using System.Globalization;

namespace MmluSharp.Datasets.Download;

/// <summary>Sizes as people write them: <c>500M</c>, <c>4G</c>, <c>1.5GiB</c>, <c>65536</c> (binary units: K = 1024).</summary>
internal static class ByteSize
{
    private static readonly string[] Units = ["K", "M", "G", "T"];

    /// <summary>Parses <paramref name="text"/>; false when it is not a positive size.</summary>
    public static bool TryParse(string? text, out long bytes)
    {
        bytes = 0;
        var s = text?.Trim() ?? string.Empty;
        foreach (var suffix in new[] { "iB", "B" })
        {
            if (s.EndsWith(suffix, StringComparison.OrdinalIgnoreCase) && s.Length > suffix.Length)
            {
                s = s[..^suffix.Length];
                break;
            }
        }

        var power = s.Length > 0 ? Array.FindIndex(Units, u => u.Equals(s[^1..], StringComparison.OrdinalIgnoreCase)) + 1 : 0;
        if (power > 0)
        {
            s = s[..^1];
        }

        if (!decimal.TryParse(s, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number) || number <= 0)
        {
            return false;
        }

        var value = number * (decimal)Math.Pow(1024, power);
        if (value > long.MaxValue || value < 1)
        {
            return false;
        }

        bytes = (long)value;
        return true;
    }
}
