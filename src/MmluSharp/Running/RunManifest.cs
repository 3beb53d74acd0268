using System.Text.Json;
using MmluSharp.IO;

namespace MmluSharp.Running;

/// <summary>
/// <c>run.json</c> in a run folder: the settings the run was started with and the scoring time and tokens
/// spent so far, so a resumed run adds to them and refuses to continue under other settings.
/// </summary>
internal sealed record RunManifest(
    string Schema, IReadOnlyDictionary<string, string> Settings, double ElapsedSeconds, long TokensDecoded)
{
    public const string FileName = "run.json";
    private const string CurrentSchema = "mmlusharp.run/1";

    public static RunManifest New(IReadOnlyDictionary<string, string> settings) => new(CurrentSchema, settings, 0, 0);

    public static RunManifest? TryRead(string folder)
    {
        var path = Path.Combine(folder, FileName);
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<RunManifest>(File.ReadAllBytes(path), JsonFiles.Options);
        }
        catch (JsonException e)
        {
            throw new RunMismatchException($"{path}: unreadable run manifest ({e.Message}); remove the folder or choose another --out.", e);
        }
    }

    /// <summary>Throws when <paramref name="settings"/> differ from the ones this run was started with.</summary>
    public void EnsureSame(IReadOnlyDictionary<string, string> settings, string folder)
    {
        var differences = Differences(Settings, settings);
        if (differences.Count > 0)
        {
            throw new RunMismatchException(
                $"{folder} holds a run with other settings ({string.Join("; ", differences)}); choose another --out or delete that folder.");
        }
    }

    /// <summary>Each setting that differs, as <c>name old → new</c>.</summary>
    public static List<string> Differences(IReadOnlyDictionary<string, string> before, IReadOnlyDictionary<string, string> after) =>
        [.. after.Keys.Union(before.Keys, StringComparer.Ordinal)
            .Where(k => after.GetValueOrDefault(k) != before.GetValueOrDefault(k))
            .Select(k => $"{k} {before.GetValueOrDefault(k) ?? "(none)"} → {after.GetValueOrDefault(k) ?? "(none)"}")];

    public void Write(string folder) => JsonFiles.Write(Path.Combine(folder, FileName), this);
}
