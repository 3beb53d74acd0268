namespace MmluSharp.Cli.Tests;

/// <summary>What the house rule asks of bad input: exit code 2 and one line, <c>error: …</c>, with no stack trace.</summary>
internal static class ErrorLine
{
    /// <summary>The single line a real <c>mmlu</c> process printed for its error (output is never wrapped when redirected).</summary>
    public static string Of(int exitCode, string output)
    {
        Assert.Equal(2, exitCode);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var errors = lines.Where(l => l.StartsWith("error:", StringComparison.Ordinal)).ToList();
        var line = Assert.Single(errors);
        Assert.Equal(line, lines[^1]);
        return line;
    }
}
