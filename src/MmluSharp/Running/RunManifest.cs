using System.Text.Json;
using MmluSharp.IO;

namespace MmluSharp.Running;

/// <summary>
/// <c>run.json</c> in a run folder: the settings the run was started with, how many questions each subject had
/// then, and the totals (scoring time, tokens) of every session so far, so a resumed run adds to them and refuses to
/// continue under other settings or on changed data; and the command that last started it, so <c>mmlu merge</c> can
/// say how to complete an unfinished shard.
/// </summary>
/// <param name="Schema">Always <c>mmlusharp.run/1</c>.</param>
/// <param name="Settings">What identifies the run (see <see cref="EvaluationPlan.Settings"/>).</param>
/// <param name="ElapsedSeconds">Scoring time over all sessions.</param>
/// <param name="TokensDecoded">Tokens decoded over all sessions.</param>
internal sealed record RunManifest(
    string Schema, IReadOnlyDictionary<string, string> Settings, double ElapsedSeconds, long TokensDecoded)
{
    private const string CurrentSchema = "mmlusharp.run/1";

    /// <summary>Questions planned per subject (with <c>--permute</c>, each order counts) when the run started; null in older folders.</summary>
    public IReadOnlyDictionary<string, int>? Questions { get; init; }

    /// <summary>For a merged run: the shard folders it was merged from (full paths, ordinal order).</summary>
    public IReadOnlyList<string>? MergedFrom { get; init; }

    /// <summary>The command that last started the run (null: started from the library, or an older folder).</summary>
    public RunInvocation? Command { get; init; }

    public static RunManifest New(IReadOnlyDictionary<string, string> settings) => new(CurrentSchema, settings, 0, 0);

    /// <summary>The folder's <c>run.json</c>, or null when it has none.</summary>
    /// <exception cref="RunMismatchException">The file is damaged: not JSON, another schema, no settings, impossible totals.</exception>
    public static RunManifest? TryRead(string folder)
    {
        var path = Path.Combine(folder, RunFolderFiles.Manifest);
        if (!File.Exists(path))
        {
            return null;
        }

        RunManifest? manifest;
        try
        {
            manifest = JsonSerializer.Deserialize<RunManifest>(File.ReadAllBytes(path), JsonFiles.Options);
        }
        catch (JsonException e)
        {
            throw Damaged(path, e.LineNumber is long line ? $"line {line + 1}: not valid JSON for a run manifest" : "not valid JSON", e);
        }

        var problem = manifest is null ? "not a JSON object"
            : manifest.Schema != CurrentSchema ? $"schema '{manifest.Schema}' is not {CurrentSchema}"
            : manifest.Settings is null ? "no settings"
            : manifest.Settings.Any(s => s.Value is null) ? "a setting without a value"
            : !double.IsFinite(manifest.ElapsedSeconds) || manifest.ElapsedSeconds < 0 || manifest.TokensDecoded < 0 ? "negative totals"
            : manifest.Questions?.Any(q => q.Value < 0) == true ? "a negative question count"
            : null;
        return problem is null ? manifest : throw Damaged(path, problem, null);
    }

    /// <summary>Throws when <paramref name="settings"/> differ from the ones this run was started with.</summary>
    public void EnsureSame(IReadOnlyDictionary<string, string> settings, string folder)
    {
        var differences = Differences(Settings, settings);
        if (differences.Count > 0)
        {
            throw RunMismatchException.Mentioning(
                $"{folder} holds a run with other settings ({string.Join("; ", differences)}); choose another {OptionText.Mention(nameof(EvaluationOptions.OutputFolder))} or delete that folder.");
        }
    }

    /// <summary>Each setting that differs, as <c>name old → new</c>.</summary>
    public static List<string> Differences(IReadOnlyDictionary<string, string> before, IReadOnlyDictionary<string, string> after) =>
        [.. after.Keys.Union(before.Keys, StringComparer.Ordinal)
            .Where(k => after.GetValueOrDefault(k) != before.GetValueOrDefault(k))
            .Select(k => $"{k} {before.GetValueOrDefault(k) ?? "(none)"} → {after.GetValueOrDefault(k) ?? "(none)"}")];

    /// <summary>
    /// This manifest with one more session's totals added: the one place where the totals <c>run.json</c> keeps
    /// across resumes accumulate.
    /// </summary>
    public RunManifest Plus(RunSession session) => this with
    {
        ElapsedSeconds = ElapsedSeconds + session.Elapsed.TotalSeconds,
        TokensDecoded = TokensDecoded + session.TokensDecoded,
    };

    public void Write(string folder) => JsonFiles.Write(Path.Combine(folder, RunFolderFiles.Manifest), this);

    private static RunMismatchException Damaged(string path, string problem, Exception? inner)
    {
        return RunMismatchException.Mentioning(
            $"{path}: damaged run manifest ({problem}); restore it, or start the run again with another {OptionText.Mention(nameof(EvaluationOptions.OutputFolder))}.", inner);
    }
}
