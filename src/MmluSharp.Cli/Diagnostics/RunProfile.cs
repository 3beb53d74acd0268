using System.Diagnostics;
using System.Text.Json;
using MmluSharp.IO;
using MmluSharp.LlamaCpp;

namespace MmluSharp.Cli.Diagnostics;

/// <summary>
/// Where the time of one <c>mmlu run</c> goes, written as JSON to the file named by <c>MMLU_PROFILE</c> when the
/// command ends (the benchmark in <c>bench/</c> reads it). Without the variable nothing is written.
/// </summary>
internal sealed class RunProfile
{
    /// <summary>The environment variable naming the profile file.</summary>
    public const string Variable = "MMLU_PROFILE";

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    private readonly string? path;
    private readonly double started = SinceProcessStart();
    private double reading, model, scoring, reports;

    private RunProfile(string? path) => this.path = path;

    /// <summary>A profile written to the file <c>MMLU_PROFILE</c> names, if it names one.</summary>
    public static RunProfile FromEnvironment() => new(Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } file ? file : null);

    /// <summary>Reading the data and rendering the prompts.</summary>
    public T Reading<T>(Func<T> work) => Time(work, ref reading);

    /// <summary>Checking, hashing and loading the model.</summary>
    public Task<T> Model<T>(Func<Task<T>> work) => TimeAsync(work, seconds => model += seconds);

    /// <summary>Scoring, with the samples, progress and results written as they come.</summary>
    public Task<T> Scoring<T>(Func<Task<T>> work) => TimeAsync(work, seconds => scoring += seconds);

    /// <summary>Writing the reports.</summary>
    public void Reports(Action work) => Time(() => { work(); return 0; }, ref reports);

    /// <summary>Writes the profile, if asked for; <paramref name="resource"/> is what the run held open (a local model has engine times).</summary>
    public void Write(int questions, IDisposable? resource)
    {
        if (path is null)
        {
            return;
        }

        var engine = resource is LlamaCppModel local ? local.Profile : null;
        var profile = new RunProfileFile(
            "mmlusharp.profile/1", questions, started, reading, model, scoring, reports, SinceProcessStart(), PeakResidentBytes(), engine);
        OutputFiles.Write(path, stream => JsonSerializer.Serialize(stream, profile, JsonOptions));
    }

    private static T Time<T>(Func<T> work, ref double total)
    {
        var begin = Stopwatch.GetTimestamp();
        try
        {
            return work();
        }
        finally
        {
            total += Stopwatch.GetElapsedTime(begin).TotalSeconds;
        }
    }

    private static async Task<T> TimeAsync<T>(Func<Task<T>> work, Action<double> add)
    {
        var begin = Stopwatch.GetTimestamp();
        try
        {
            return await work().ConfigureAwait(false);
        }
        finally
        {
            add(Stopwatch.GetElapsedTime(begin).TotalSeconds);
        }
    }

    // Linux reports the peak working set from /proc/self/status (VmHWM).
    private static long? PeakResidentBytes()
    {
        using var process = Process.GetCurrentProcess();
        return process.PeakWorkingSet64 is > 0 and var bytes ? bytes : null;
    }

    private static double SinceProcessStart()
    {
        using var process = Process.GetCurrentProcess();
        return (DateTime.Now - process.StartTime).TotalSeconds;
    }
}
