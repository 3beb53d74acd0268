using System.Diagnostics;
using System.Reflection;
using System.Text;
using System.Text.Json;
using MmluSharp.Cli.Diagnostics;
using MmluSharp.IO;

namespace MmluSharp.Bench;

/// <summary>
/// Runs the real <c>mmlu</c> (the build recorded beside this benchmark) as a child process with <c>MMLU_PROFILE</c>
/// set, timing it from the start of the process to its exit, and reads back its profile (when it wrote one).
/// </summary>
internal static class MmluChild
{
    /// <summary>mmlu.dll in its own build output.</summary>
    public static string DefaultPath { get; } = typeof(MmluChild).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "MmluPath").Value!;

    /// <summary>
    /// Runs <c>mmlu run</c> with <paramref name="arguments"/>; <paramref name="watch"/> is called with the child's process
    /// id about four times a second while it runs. Throws when it fails.
    /// </summary>
    public static async Task<ChildRun> RunAsync(string mmlu, IReadOnlyList<string> arguments, Action<int>? watch = null)
    {
        var profilePath = Path.Combine(Path.GetTempPath(), $"mmlu-profile-{Guid.NewGuid():N}.json");
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(mmlu);
        info.ArgumentList.Add("run");
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        info.Environment[RunProfile.Variable] = profilePath;
        var output = new StringBuilder();
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(info) ?? throw new InvalidOperationException("could not start mmlu");
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        while (!process.WaitForExit(250))
        {
            watch?.Invoke(process.Id);
        }

        await process.WaitForExitAsync().ConfigureAwait(false);
        var wall = clock.Elapsed;
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"mmlu run exited with {process.ExitCode}:\n{output}");
        }

        // An mmlu built before MMLU_PROFILE existed (a baseline to compare with) writes none.
        RunProfileFile? profile = null;
        if (File.Exists(profilePath))
        {
            profile = JsonSerializer.Deserialize<RunProfileFile>(await File.ReadAllTextAsync(profilePath).ConfigureAwait(false), JsonFiles.Options);
            File.Delete(profilePath);
        }

        return new ChildRun(wall, profile, output.ToString());
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }
}
