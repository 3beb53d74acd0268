using System.Runtime.CompilerServices;

namespace MmluSharp.Cli.Tests.Deploy;

/// <summary>Files of the repository this test was built from.</summary>
internal static class Repository
{
    public static string Root { get; } = Locate();

    public static string File(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string Locate([CallerFilePath] string here = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(here)!, "..", "..", ".."));
}
