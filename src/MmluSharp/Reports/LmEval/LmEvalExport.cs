using System.Text.Encodings.Web;
using System.Text.Json;
using MmluSharp.Reports.LmEval;
using MmluSharp.Results;

namespace MmluSharp.Reports;

/// <summary>
/// Writes a run as an lm-evaluation-harness results file (<c>results</c>, <c>groups</c>, <c>group_subtasks</c>,
/// <c>configs</c>, <c>versions</c>, <c>n-shot</c>, <c>higher_is_better</c>, <c>n-samples</c>, <c>config</c>), so
/// lm-eval tooling can read our runs. Groups follow lm-eval's <c>mmlu</c> (anatomy under <c>mmlu_stem</c>).
/// </summary>
public static class LmEvalExport
{
    private static readonly JsonWriterOptions Options = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Writes the lm-eval results JSON of <paramref name="results"/> to <paramref name="stream"/>.</summary>
    public static void Write(RunResults results, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(results);
        var groups = LmEvalGroups.Build(results);
        var top = LmEvalGroups.Pool("mmlu", "mmlu", [.. groups.Select(g => g.Group)]) with { Accuracy = results.Overall.Accuracy };
        var subjects = groups.SelectMany(g => g.Subjects).ToList();
        using (var json = new Utf8JsonWriter(stream, Options))
        {
            json.WriteStartObject();
            json.WriteStartObject("results");
            Metrics(json, top);
            foreach (var (group, members) in groups)
            {
                Metrics(json, group);
                members.ToList().ForEach(s => Metrics(json, s));
            }

            json.WriteEndObject();
            json.WriteStartObject("groups");
            Metrics(json, top);
            groups.ToList().ForEach(g => Metrics(json, g.Group));
            json.WriteEndObject();

            json.WriteStartObject("group_subtasks");
            foreach (var (group, members) in groups)
            {
                StringArray(json, group.Task, members.Select(s => s.Task));
            }

            StringArray(json, "mmlu", LmEvalGroups.TopOrder.Where(t => groups.Any(g => g.Group.Task == t)));
            json.WriteEndObject();

            LmEvalConfigs.Write(json, results, subjects);
            json.WriteStartObject("versions");
            json.WriteNumber("mmlu", 2);
            groups.ToList().ForEach(g => json.WriteNumber(g.Group.Task, 2));
            subjects.ForEach(s => { json.WritePropertyName(s.Task); json.WriteRawValue("1.0"); });
            json.WriteEndObject();

            json.WriteStartObject("n-shot");
            subjects.ForEach(s => json.WriteNumber(s.Task, results.Shots));
            json.WriteEndObject();

            json.WriteStartObject("higher_is_better");
            foreach (var task in new[] { "mmlu" }.Concat(groups.Select(g => g.Group.Task)).Concat(subjects.Select(s => s.Task)))
            {
                json.WriteStartObject(task);
                json.WriteBoolean("acc", true);
                json.WriteEndObject();
            }

            json.WriteEndObject();
            json.WriteStartObject("n-samples");
            foreach (var s in subjects)
            {
                json.WriteStartObject(s.Task);
                json.WriteNumber("original", s.N);
                json.WriteNumber("effective", s.N);
                json.WriteEndObject();
            }

            json.WriteEndObject();
            LmEvalConfigs.WriteRunConfig(json, results);
            json.WriteEndObject();
        }

        stream.WriteByte((byte)'\n');
    }

    /// <summary>The export as a string.</summary>
    public static string ToText(RunResults results)
    {
        using var stream = new MemoryStream();
        Write(results, stream);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void Metrics(Utf8JsonWriter json, LmEvalGroup g)
    {
        json.WriteStartObject(g.Task);
        json.WriteString("alias", g.Alias);
        json.WriteNumber("acc,none", g.Accuracy);
        json.WriteNumber("acc_stderr,none", g.Stderr);
        json.WriteEndObject();
    }

    private static void StringArray(Utf8JsonWriter json, string name, IEnumerable<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }
}
