using System.Text.Json;

namespace MmluSharp.Tests.Reports;

/// <summary>
/// Compares a JSON document with a hand-written skeleton: the same keys in the same order at every level, and a
/// value of the skeleton's kind everywhere. In the skeleton, <c>null</c> admits any value; <c>""</c> any string
/// (another string must be equal); a number with a decimal point any float, one without any integer; <c>true</c>,
/// <c>false</c> and array lengths must be equal.
/// </summary>
internal static class JsonShape
{
    public static void AssertMatches(JsonElement skeleton, JsonElement actual, string path = "$")
    {
        switch (skeleton.ValueKind)
        {
            case JsonValueKind.Null:
                return;
            case JsonValueKind.Object:
                Assert.True(actual.ValueKind == JsonValueKind.Object, $"{path}: expected an object, got {actual.ValueKind}");
                var expectedKeys = skeleton.EnumerateObject().Select(p => p.Name).ToList();
                var actualKeys = actual.EnumerateObject().Select(p => p.Name).ToList();
                Assert.True(expectedKeys.SequenceEqual(actualKeys), $"{path}: keys [{string.Join(", ", actualKeys)}], expected [{string.Join(", ", expectedKeys)}]");
                foreach (var property in skeleton.EnumerateObject())
                {
                    AssertMatches(property.Value, actual.GetProperty(property.Name), $"{path}.{property.Name}");
                }

                return;
            case JsonValueKind.Array:
                Assert.True(actual.ValueKind == JsonValueKind.Array, $"{path}: expected an array, got {actual.ValueKind}");
                Assert.True(skeleton.GetArrayLength() == actual.GetArrayLength(), $"{path}: {actual.GetArrayLength()} elements, expected {skeleton.GetArrayLength()}");
                foreach (var (expected, got, i) in skeleton.EnumerateArray().Zip(actual.EnumerateArray()).Select((p, i) => (p.First, p.Second, i)))
                {
                    AssertMatches(expected, got, $"{path}[{i}]");
                }

                return;
            case JsonValueKind.String:
                Assert.True(actual.ValueKind == JsonValueKind.String, $"{path}: expected a string, got {actual.ValueKind}");
                if (skeleton.GetString()!.Length > 0)
                {
                    Assert.True(skeleton.GetString() == actual.GetString(), $"{path}: \"{actual.GetString()}\", expected \"{skeleton.GetString()}\"");
                }

                return;
            case JsonValueKind.Number:
                Assert.True(actual.ValueKind == JsonValueKind.Number, $"{path}: expected a number, got {actual.ValueKind}");
                var isFloat = IsFloat(skeleton.GetRawText());
                Assert.True(isFloat == IsFloat(actual.GetRawText()), $"{path}: {actual.GetRawText()} is not written as {(isFloat ? "a float" : "an integer")}");
                return;
            default:
                Assert.True(skeleton.ValueKind == actual.ValueKind, $"{path}: {actual.ValueKind}, expected {skeleton.ValueKind}");
                return;
        }
    }

    private static bool IsFloat(string raw) => raw.Contains('.', StringComparison.Ordinal) || raw.Contains('e', StringComparison.OrdinalIgnoreCase);
}
