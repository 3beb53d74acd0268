using MmluSharp.IO;
using MmluSharp.Results;

namespace MmluSharp.Reports;

/// <summary>
/// The report formats: Markdown and HTML (both written into every run folder) and lm-evaluation-harness' results file,
/// and those registered since. Safe to use from several threads.
/// </summary>
public static class ReportWriters
{
    private static readonly Lock Gate = new();

    /// <summary>The Markdown report (<c>report.md</c>): overall, categories, subcategories, subjects, calibration, what ran.</summary>
    public static IReportWriter Markdown { get; } = new MarkdownReportWriter();

    /// <summary>The self-contained HTML report (<c>report.html</c>) with charts; it makes no network requests.</summary>
    public static IReportWriter Html { get; } = new HtmlReportWriter();

    /// <summary>The results file lm-evaluation-harness 0.4.11 writes for its <c>mmlu</c> task; MMLU runs only.</summary>
    public static IReportWriter LmEval { get; } = new LmEvalReportWriter();

    // After the writers: static initialisers run in the order they are written.
    private static readonly List<IReportWriter> Registered = [Markdown, Html, LmEval];
    private static readonly List<IReportWriter> InRunFolders = [Markdown, Html];

    /// <summary>Every registered format, in the order registered.</summary>
    public static IReadOnlyList<IReportWriter> All
    {
        get
        {
            lock (Gate)
            {
                return [.. Registered];
            }
        }
    }

    /// <summary>The formats written into every run folder, next to <c>results.json</c>.</summary>
    public static IReadOnlyList<IReportWriter> RunFolder
    {
        get
        {
            lock (Gate)
            {
                return [.. InRunFolders];
            }
        }
    }

    /// <summary>The registered format names, for messages and help: <c>markdown, html, lm-eval</c>.</summary>
    public static string Names => string.Join(", ", All.Select(w => w.Format));

    /// <summary>Adds a format, written into every run folder too when <paramref name="inRunFolders"/>.</summary>
    /// <param name="writer">The format.</param>
    /// <param name="inRunFolders">Whether every run folder gets this report.</param>
    /// <exception cref="OptionException">Another format has its name (names <c>Format</c>).</exception>
    public static void Register(IReportWriter writer, bool inRunFolders = false)
    {
        ArgumentNullException.ThrowIfNull(writer);
        lock (Gate)
        {
            if (Registered.Any(w => string.Equals(w.Format, writer.Format, StringComparison.Ordinal)))
            {
                throw new OptionException("Format", $"'{writer.Format}' is already registered.");
            }

            Registered.Add(writer);
            if (inRunFolders)
            {
                InRunFolders.Add(writer);
            }
        }
    }

    /// <summary>The format called <paramref name="format"/>.</summary>
    /// <param name="format">Its name, e.g. <c>html</c>.</param>
    /// <exception cref="OptionException">No format has that name; the message lists them (names <c>Format</c>).</exception>
    public static IReportWriter Get(string format) =>
        All.FirstOrDefault(w => string.Equals(w.Format, format, StringComparison.Ordinal))
        ?? throw new OptionException("Format", $"must be one of {Names}, not '{format}'.");

    /// <summary>Writes the report to <paramref name="path"/>, whole or not at all (a failed write keeps the previous file).</summary>
    /// <param name="writer">The format.</param>
    /// <param name="results">The run's results.</param>
    /// <param name="path">The file.</param>
    /// <exception cref="OutputFileException">The path is not a regular file, or the write failed.</exception>
    public static void WriteFile(this IReportWriter writer, RunResults results, string path)
    {
        ArgumentNullException.ThrowIfNull(writer);
        AtomicFile.Write(path, stream => writer.Write(results, stream));
    }

    /// <summary>Writes every run-folder report of <paramref name="results"/> into <paramref name="folder"/>.</summary>
    /// <param name="results">The run's results.</param>
    /// <param name="folder">The run folder.</param>
    public static void WriteRunFolder(RunResults results, string folder)
    {
        foreach (var writer in RunFolder)
        {
            writer.WriteFile(results, Path.Combine(folder, writer.FileName));
        }
    }
}
