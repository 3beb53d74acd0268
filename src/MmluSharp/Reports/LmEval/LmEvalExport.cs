using System.Text.Encodings.Web;
using System.Text.Json;
using MmluSharp.Reports.LmEval;
using MmluSharp.Results;

namespace MmluSharp.Reports;

/// <summary>
/// Writes a run as the results file lm-evaluation-harness 0.4.11 writes for its <c>mmlu</c> task: the same sections
/// and keys in the same order at every level (<c>results</c>, <c>groups</c>, <c>group_subtasks</c>, <c>configs</c>,
/// <c>versions</c>, <c>n-shot</c>, <c>higher_is_better</c>, <c>n-samples</c>, <c>config</c>, then the run's
/// provenance), and the same arithmetic: groups, and <c>mmlu</c> itself, aggregate their leaf subjects by size
/// with lm-eval's pooled standard error. Groups follow lm-eval's <c>mmlu</c> (anatomy under <c>mmlu_stem</c>).
/// </summary>
internal static class LmEvalExport
{
    /// <summary>lm-eval's default <c>--bootstrap_iters</c>; its <c>acc</c> stderr is closed-form whatever the count.</summary>
    public const int DefaultBootstrapIters = 100_000;

    private static readonly JsonWriterOptions Options = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>
    /// Writes the lm-eval results JSON of <paramref name="results"/> to <paramref name="stream"/>. With
    /// <paramref name="bootstrapIters"/> 0 every stderr is <c>"N/A"</c>, as lm-eval writes them then.
    /// </summary>
    public static void Write(RunResults results, Stream stream, int bootstrapIters = DefaultBootstrapIters)
    {
        ArgumentNullException.ThrowIfNull(results);
        ArgumentOutOfRangeException.ThrowIfNegative(bootstrapIters);
        var groups = LmEvalGroups.Build(results, bootstrapIters);
        var top = LmEvalGroups.Top(groups);
        var allGroups = new[] { top }.Concat(groups.Select(g => g.Group)).ToList();
        var subjects = groups.SelectMany(g => g.Subjects.Select(s => (Subject: s, Group: g.Group.Task))).ToList();
        var everything = allGroups.Select(g => g.Task).Concat(subjects.Select(s => s.Subject.Task)).Order(StringComparer.Ordinal).ToList();
        using (var json = new Utf8JsonWriter(stream, Options))
        {
            json.WriteStartObject();
            json.WriteStartObject("results");
            GroupMetrics(json, top);
            foreach (var (group, members) in groups)
            {
                GroupMetrics(json, group);
                members.ToList().ForEach(s => SubjectMetrics(json, s));
            }

            json.WriteEndObject();
            json.WriteStartObject("groups");
            allGroups.ForEach(g => GroupMetrics(json, g));
            json.WriteEndObject();

            // lm-eval lists the groups in the reverse of the order it loaded them: mmlu, then _mmlu.yaml's task list.
            json.WriteStartObject("group_subtasks");
            foreach (var task in LmEvalGroups.TopOrder.Reverse())
            {
                if (groups.FirstOrDefault(g => g.Group.Task == task) is { Group: not null } found)
                {
                    LmEvalJson.Strings(json, task, found.Subjects.Select(s => s.Task));
                }
            }

            LmEvalJson.Strings(json, "mmlu", LmEvalGroups.TopOrder.Where(t => groups.Any(g => g.Group.Task == t)));
            json.WriteEndObject();

            LmEvalConfigs.Write(json, results, subjects);
            json.WriteStartObject("versions");
            foreach (var task in everything)
            {
                // Group versions come from their YAML as integers, task versions as floats.
                if (allGroups.Any(g => g.Task == task))
                {
                    json.WriteNumber(task, 2);
                }
                else
                {
                    LmEvalJson.Float(json, task, 1.0);
                }
            }

            json.WriteEndObject();
            json.WriteStartObject("n-shot");
            subjects.Select(s => s.Subject.Task).Order(StringComparer.Ordinal).ToList().ForEach(task => json.WriteNumber(task, results.Shots));
            json.WriteEndObject();

            json.WriteStartObject("higher_is_better");
            foreach (var task in everything)
            {
                json.WriteStartObject(task);
                json.WriteBoolean("acc", true);
                json.WriteEndObject();
            }

            json.WriteEndObject();

            // In the order lm-eval evaluates the tasks: _mmlu.yaml's groups, each group's subjects alphabetically.
            json.WriteStartObject("n-samples");
            foreach (var task in LmEvalGroups.TopOrder)
            {
                foreach (var subject in groups.Where(g => g.Group.Task == task).SelectMany(g => g.Subjects))
                {
                    json.WriteStartObject(subject.Task);
                    json.WriteNumber("original", subject.Original);
                    json.WriteNumber("effective", subject.N);
                    json.WriteEndObject();
                }
            }

            json.WriteEndObject();
            LmEvalRunConfig.Write(json, results, bootstrapIters);
            json.WriteEndObject();
        }

        stream.WriteByte((byte)'\n');
    }

    /// <summary>The export as a string.</summary>
    public static string ToText(RunResults results, int bootstrapIters = DefaultBootstrapIters)
    {
        using var stream = new MemoryStream();
        Write(results, stream, bootstrapIters);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>A group's row: lm-eval writes its aggregated metrics first and the alias last.</summary>
    private static void GroupMetrics(Utf8JsonWriter json, LmEvalGroup g)
    {
        json.WriteStartObject(g.Task);
        LmEvalJson.Float(json, "acc,none", g.Accuracy);
        Stderr(json, g);
        json.WriteString("alias", g.Alias);
        json.WriteEndObject();
    }

    /// <summary>A subject's row: alias, accuracy, stderr.</summary>
    private static void SubjectMetrics(Utf8JsonWriter json, LmEvalGroup s)
    {
        json.WriteStartObject(s.Task);
        json.WriteString("alias", s.Alias);
        LmEvalJson.Float(json, "acc,none", s.Accuracy);
        Stderr(json, s);
        json.WriteEndObject();
    }

    private static void Stderr(Utf8JsonWriter json, LmEvalGroup g)
    {
        if (g.Stderr is double stderr)
        {
            LmEvalJson.Float(json, "acc_stderr,none", stderr);
        }
        else
        {
            json.WriteString("acc_stderr,none", "N/A");
        }
    }
}
