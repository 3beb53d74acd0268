using System.Diagnostics;
using System.Text;

namespace MmluSharp.Cli.Tests;

/// <summary>Starts the built <c>mmlu</c> as a real child process, for tests that kill it or change its environment.</summary>
internal static class MmluProcess
{
    /// <summary>mmlu.dll in its own build output, recorded at build time (see the test project file).</summary>
    private static string MmluPath { get; } = typeof(MmluProcess).Assembly
        .GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false)
        .Cast<System.Reflection.AssemblyMetadataAttribute>()
        .Single(a => a.Key == "MmluPath").Value!;

    public static Process Start(params string[] args) => Start(new Dictionary<string, string>(), new StringBuilder(), args);

    public static async Task<int> RunAsync(params string[] args)
    {
        var (exitCode, _) = await RunAsync(new Dictionary<string, string>(), args);
        return exitCode;
    }

    /// <summary>
    /// Starts mmlu and kills it (SIGKILL, the whole process tree) once <paramref name="file"/> has at least
    /// <paramref name="lines"/> lines; fails when it ends by itself first.
    /// </summary>
    public static async Task KillOnceAsync(string file, int lines, params string[] args)
    {
        using var process = Start(args);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!process.HasExited && DateTime.UtcNow < deadline && (!File.Exists(file) || File.ReadAllLines(file).Length < lines))
        {
            await Task.Delay(10);
        }

        Assert.False(process.HasExited, "the run finished before it could be killed");
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
    }

    /// <summary>Runs mmlu to its end with extra environment variables; returns its exit code and standard output.</summary>
    public static Task<(int ExitCode, string Output)> RunAsync(IReadOnlyDictionary<string, string> environment, params string[] args) =>
        RunInAsync(null, environment, args);

    /// <summary>Runs mmlu to its end in <paramref name="workingDirectory"/> (null: this process's) with extra environment variables.</summary>
    public static async Task<(int ExitCode, string Output)> RunInAsync(string? workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var output = new StringBuilder();
        using var process = Start(environment, output, args, workingDirectory);
        await process.WaitForExitAsync();
        lock (output)
        {
            return (process.ExitCode, output.ToString());
        }
    }

    /// <summary>Runs mmlu to its end; returns its exit code and standard output exactly as written (no line splitting).</summary>
    public static async Task<(int ExitCode, string Output)> RunRawAsync(params string[] args)
    {
        using var process = Process.Start(StartInfo(new Dictionary<string, string>(), args))!;
        var error = process.StandardError.ReadToEndAsync();
        var output = await process.StandardOutput.ReadToEndAsync();
        await error;
        await process.WaitForExitAsync();
        return (process.ExitCode, output);
    }

    private static ProcessStartInfo StartInfo(IReadOnlyDictionary<string, string> environment, string[] args, string? workingDirectory = null)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? string.Empty,
        };
        info.ArgumentList.Add(MmluPath);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        foreach (var (name, value) in environment)
        {
            info.Environment[name] = value;
        }

        return info;
    }

    private static Process Start(IReadOnlyDictionary<string, string> environment, StringBuilder output, string[] args, string? workingDirectory = null)
    {
        var process = Process.Start(StartInfo(environment, args, workingDirectory))!;
        process.OutputDataReceived += (_, e) =>
        {
            lock (output)
            {
                output.AppendLine(e.Data);
            }
        };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }
}
