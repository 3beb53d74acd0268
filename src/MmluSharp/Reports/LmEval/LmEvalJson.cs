using System.Globalization;
using System.Text.Json;

namespace MmluSharp.Reports.LmEval;

/// <summary>Values written the way Python's <c>json.dumps</c> writes lm-eval's: floats always as floats.</summary>
internal static class LmEvalJson
{
    /// <summary>
    /// <paramref name="value"/> as Python's <c>repr</c> of a float: the shortest round-trip digits, <c>.0</c> on whole
    /// numbers (<c>1.0</c>, not <c>1</c>), a lower-case exponent.
    /// </summary>
    public static void Float(Utf8JsonWriter json, string name, double value)
    {
        var text = value.ToString("R", CultureInfo.InvariantCulture).Replace('E', 'e');
        json.WritePropertyName(name);
        json.WriteRawValue(text.Contains('.', StringComparison.Ordinal) || text.Contains('e', StringComparison.Ordinal) ? text : text + ".0");
    }

    /// <summary>A list of strings.</summary>
    public static void Strings(Utf8JsonWriter json, string name, IEnumerable<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }
}
