using System.Reflection;

namespace MmluSharp.Cli.Schedulers;

/// <summary>
/// How to start this very <c>mmlu</c> again from a script: its own executable (an installed tool or apphost), or
/// <c>dotnet mmlu.dll</c> when it runs under the dotnet host (<c>dotnet run</c>, <c>dotnet mmlu.dll</c>).
/// </summary>
internal static class ToolCommand
{
    public static IReadOnlyList<string> Current { get; } = Find();

    private static string[] Find()
    {
        var process = Environment.ProcessPath;
        if (process is null)
        {
            return ["mmlu"];
        }

        var host = Path.GetFileNameWithoutExtension(process).Equals("dotnet", StringComparison.OrdinalIgnoreCase);
        var entry = Assembly.GetEntryAssembly()?.Location;
        return host && !string.IsNullOrEmpty(entry) ? [process, entry] : [process];
    }
}
