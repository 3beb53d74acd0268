using System.Diagnostics;

namespace MmluSharp.Cli.Tests;

/// <summary>Starts the built <c>mmlu</c> as a real child process, for tests that kill it mid-run.</summary>
internal static class MmluProcess
{
    /// <summary>mmlu.dll in its own build output, recorded at build time (see the test project file).</summary>
    private static string MmluPath { get; } = typeof(MmluProcess).Assembly
        .GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false)
        .Cast<System.Reflection.AssemblyMetadataAttribute>()
        .Single(a => a.Key == "MmluPath").Value!;

    public static Process Start(params string[] args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(MmluPath);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        var process = Process.Start(info)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    public static async Task<int> RunAsync(params string[] args)
    {
        using var process = Start(args);
        await process.WaitForExitAsync();
        return process.ExitCode;
    }
}
