using System.Diagnostics;

namespace MmluSharp.Cli.Tests;

/// <summary>Runs a system command a test needs for its setup (mount, mkfifo, mknod) and fails the test if it fails.</summary>
internal static class Shell
{
    public static void Run(string command, params string[] args)
    {
        var info = new ProcessStartInfo(command) { RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{command} {string.Join(' ', args)} failed: {error}");
    }
}
