using System.Runtime.CompilerServices;
using System.Text;

namespace MmluSharp.Testing;

/// <summary>
/// Golden files beside the test sources (<c>Golden/NAME</c> under the test project). A mismatch fails with the
/// first differing position; set <c>MMLU_ACCEPT_GOLDEN=1</c> to write the actual text as the new golden.
/// </summary>
internal static class Golden
{
    public static void Verify(string name, string actual, [CallerFilePath] string caller = "")
    {
        var path = Path.Combine(ProjectDir(caller), "Golden", name);
        if (Environment.GetEnvironmentVariable("MMLU_ACCEPT_GOLDEN") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, actual, new UTF8Encoding(false));
            return;
        }

        Assert.True(File.Exists(path), $"Golden file {path} is missing; run with MMLU_ACCEPT_GOLDEN=1 to create it.");
        var expected = File.ReadAllText(path, Encoding.UTF8);
        if (expected == actual)
        {
            return;
        }

        var at = 0;
        while (at < expected.Length && at < actual.Length && expected[at] == actual[at])
        {
            at++;
        }

        Assert.Fail($"{name} differs from its golden file at char {at}: expected «{Around(expected, at)}», got «{Around(actual, at)}».");
    }

    /// <summary>The text of <c>Golden/NAME</c>: an expected file a test compares with something other than equality.</summary>
    public static string Read(string name, [CallerFilePath] string caller = "") =>
        File.ReadAllText(Path.Combine(ProjectDir(caller), "Golden", name), Encoding.UTF8);

    private static string Around(string text, int at) =>
        text.Substring(Math.Max(0, at - 20), Math.Min(text.Length, at + 20) - Math.Max(0, at - 20));

    private static string ProjectDir(string caller)
    {
        var dir = Path.GetDirectoryName(caller);
        while (dir is not null && Directory.GetFiles(dir, "*.csproj").Length == 0)
        {
            dir = Path.GetDirectoryName(dir);
        }

        return dir ?? throw new InvalidOperationException($"No project folder above {caller}.");
    }
}
