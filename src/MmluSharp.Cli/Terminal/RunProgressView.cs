using System.Globalization;
using MmluSharp.Running;
using Spectre.Console;

namespace MmluSharp.Cli.Terminal;

/// <summary>
/// Shows a run's progress: a live bar with questions/second and time left on a terminal, and a plain line
/// every few seconds when the output is redirected (logs stay readable).
/// </summary>
internal sealed class RunProgressView(IAnsiConsole console, TimeSpan? plainInterval = null) : IProgress<RunProgress>
{
    private readonly TimeSpan interval = plainInterval ?? TimeSpan.FromSeconds(10);
    private readonly Lock gate = new();
    private ProgressTask? bar;
    private TimeSpan? lastLine;

    public bool Interactive => console.Profile.Capabilities.Interactive && console.Profile.Capabilities.Ansi;

    public async Task<T> RunAsync<T>(Func<IProgress<RunProgress>, Task<T>> work)
    {
        if (!Interactive)
        {
            return await work(this).ConfigureAwait(false);
        }

        return await console.Progress()
            .Columns(
                new TaskDescriptionColumn(),
                new ProgressBarColumn(),
                new PercentageColumn(),
                new RateColumn(),
                new RemainingTimeColumn(),
                new SpinnerColumn())
            .StartAsync(async context =>
            {
                bar = context.AddTask("scoring", maxValue: 1);
                return await work(this).ConfigureAwait(false);
            }).ConfigureAwait(false);
    }

    public void Report(RunProgress value)
    {
        lock (gate)
        {
            if (bar is not null)
            {
                bar.MaxValue = Math.Max(1, value.Total);
                bar.Value = value.Completed;
                bar.Description = Markup.Escape(value.Subject ?? "scoring");
                return;
            }

            var finished = value.Completed == value.Total;
            if (!finished && lastLine is { } last && value.Elapsed - last < interval)
            {
                return;
            }

            lastLine = value.Elapsed;
            var remaining = value.Remaining is { } r
                ? string.Create(CultureInfo.InvariantCulture, $", {(int)r.TotalHours}:{r:mm\\:ss} left")
                : string.Empty;
            console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{value.Completed}/{value.Total} questions ({100.0 * value.Completed / Math.Max(1, value.Total):F1}%), {value.QuestionsPerSecond:F1} q/s{remaining}, {value.Subject}"));
        }
    }
}
