using System.Globalization;
using MmluSharp.Datasets.Download;
using Spectre.Console;

namespace MmluSharp.Cli.Commands;

/// <summary>
/// Shows download progress: a live bar for the current file on a terminal; when redirected, a plain line for each
/// file of 1 MiB or more when it completes and every few seconds while it downloads.
/// </summary>
internal sealed class DatasetsDownloadView(IAnsiConsole console) : IProgress<DownloadProgress>
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(10);
    private readonly Lock gate = new();
    private readonly System.Diagnostics.Stopwatch clock = System.Diagnostics.Stopwatch.StartNew();
    private ProgressTask? bar;
    private TimeSpan lastLine;

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
                bar.Description = Markup.Escape(value.File);
                bar.MaxValue = Math.Max(1, value.Total ?? value.Received);
                bar.Value = value.Received;
                return;
            }

            var large = (value.Total ?? value.Received) >= 1 << 20;
            if (!large || (!value.Completed && clock.Elapsed - lastLine < Interval))
            {
                return;
            }

            lastLine = clock.Elapsed;
            var line = value.Completed
                ? $"  {value.File}: {Megabytes(value.Received)} MB, done"
                : $"  {value.File}: {Megabytes(value.Received)} of {(value.Total is { } t ? Megabytes(t) : "?")} MB";
            console.WriteLine(line);
        }
    }

    public static string Megabytes(long bytes) => (bytes / 1048576.0).ToString("0.0", CultureInfo.InvariantCulture);
}
