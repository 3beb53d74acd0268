using System.Diagnostics;

namespace MmluSharp.Cli.Schedulers;

/// <summary>Slurm's client commands, found on the PATH and run with their arguments as separate words.</summary>
internal sealed class Sbatch(string path)
{
    /// <summary>sbatch on <paramref name="searchPath"/> (a PATH value), or null.</summary>
    public static Sbatch? Find(string? searchPath) =>
        (searchPath ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, "sbatch"))
            .Where(IsExecutable)
            .Select(p => new Sbatch(p))
            .FirstOrDefault();

    /// <summary>Submits <paramref name="script"/> with <c>--parsable</c> and returns the job id.</summary>
    /// <exception cref="SchedulerException">sbatch failed or printed no job id; the message is its first error line.</exception>
    public async Task<string> SubmitAsync(string script, IReadOnlyList<string> options, CancellationToken cancellationToken)
    {
        var (exitCode, output, error) = await RunAsync(path, ["--parsable", .. options, script], cancellationToken).ConfigureAwait(false);
        // --parsable prints "jobid" or "jobid;cluster".
        var id = output.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).LastOrDefault()?.Split(';')[0];
        if (exitCode != 0 || id is null || id.Length == 0 || !id.All(char.IsAsciiDigit))
        {
            // sbatch ends with its summary ("Batch job submission failed: Invalid partition name specified").
            var reason = LastLine(error) ?? LastLine(output) ?? $"exit code {exitCode}";
            throw new SchedulerException($"sbatch refused {script}: {reason}");
        }

        return id;
    }

    /// <summary>Cancels <paramref name="jobId"/> with scancel beside sbatch; true when it did.</summary>
    public async Task<bool> CancelAsync(string jobId)
    {
        var scancel = Path.Combine(Path.GetDirectoryName(path)!, "scancel");
        return IsExecutable(scancel) && (await RunAsync(scancel, [jobId], CancellationToken.None).ConfigureAwait(false)).ExitCode == 0;
    }

    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(string program, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info) ?? throw new SchedulerException($"{program} could not be started.");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        return (process.ExitCode, await output.ConfigureAwait(false), await error.ConfigureAwait(false));
    }

    private static string? LastLine(string text) =>
        text.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).LastOrDefault();

    private static bool IsExecutable(string file) =>
        File.Exists(file) && (OperatingSystem.IsWindows() || (File.GetUnixFileMode(file) & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) != 0);
}
