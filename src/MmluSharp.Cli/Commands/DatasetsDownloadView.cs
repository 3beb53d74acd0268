using System.Globalization;
using MmluSharp.Datasets.Download;
using Spectre.Console;

namespace MmluSharp.Cli.Commands;

/// <summary>
/// Shows download progress (datasets and Hub models): a live bar with size and rate for the current file on a terminal;
/// when redirected, a plain line for each file of 1 MiB or more when it completes and every few seconds while it
/// downloads, with the rate since it started.
/// </summary>
internal sealed class DatasetsDownloadView(IAnsiConsole console) : IProgress<DownloadProgress>
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(10);
    private readonly Lock gate = new();
    private readonly System.Diagnostics.Stopwatch clock = System.Diagnostics.Stopwatch.StartNew();
    private ProgressTask? bar;
    private TimeSpan lastLine;
    private (string File, long Received, TimeSpan At)? started;

    private bool Interactive => console.Profile.Capabilities.Interactive && console.Profile.Capabilities.Ansi;

    public async Task<T> RunAsync<T>(Func<IProgress<DownloadProgress>, Task<T>> work)
    {
        if (!Interactive)
        {
            return await work(this).ConfigureAwait(false);
        }

        return await console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new DownloadedColumn(), new TransferSpeedColumn(), new SpinnerColumn())
            .StartAsync(async context =>
            {
                bar = context.AddTask("connecting", maxValue: 1);
                return await work(this).ConfigureAwait(false);
            }).ConfigureAwait(false);
    }

    public void Report(DownloadProgress value)
    {
        lock (gate)
        {
            if (bar is not null)
            {
                bar.Description = Markup.Escape(value.Waiting ? $"{value.File} (another process is downloading it; waiting)" : value.File);
                bar.MaxValue = Math.Max(1, value.Total ?? value.Received);
                bar.Value = value.Received;
                return;
            }

            if (value.Waiting)
            {
                console.WriteLine($"  {value.File}: another process is downloading it; waiting");
                return;
            }

            if (started?.File != value.File)
            {
                started = (value.File, value.Received, clock.Elapsed);
            }

            var large = (value.Total ?? value.Received) >= 1 << 20;
            if (!large || (!value.Completed && clock.Elapsed - lastLine < Interval))
            {
                return;
            }

            lastLine = clock.Elapsed;
            var seconds = (clock.Elapsed - started.Value.At).TotalSeconds;
            var rate = seconds > 0 ? $", {Megabytes((long)((value.Received - started.Value.Received) / seconds))} MB/s" : string.Empty;
            var line = value.Completed
                ? $"  {value.File}: {Megabytes(value.Received)} MB, done{rate}"
                : $"  {value.File}: {Megabytes(value.Received)} of {(value.Total is { } t ? Megabytes(t) : "?")} MB{rate}";
            console.WriteLine(line);
        }
    }

    public static string Megabytes(long bytes) => (bytes / 1048576.0).ToString("0.0", CultureInfo.InvariantCulture);
}
