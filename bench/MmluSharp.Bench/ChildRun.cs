using MmluSharp.Cli.Diagnostics;

namespace MmluSharp.Bench;

/// <summary>One <c>mmlu run</c> child process: its wall time from start to exit, its own profile (null from an mmlu
/// without MMLU_PROFILE) and its output.</summary>
internal sealed record ChildRun(TimeSpan Wall, RunProfileFile? Profile, string Output)
{
    /// <summary>Runtime start-up before the command, and everything after it until the process was gone.</summary>
    public double StartAndExit => Profile is { } p ? p.CommandStart + (Wall.TotalSeconds - p.CommandEnd) : double.NaN;
}
