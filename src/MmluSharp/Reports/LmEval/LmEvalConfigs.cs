using System.Text.Json;
using MmluSharp.Results;

namespace MmluSharp.Reports.LmEval;

/// <summary>The <c>configs</c> (one per subject task) and <c>config</c> (the run) sections of the lm-eval export.</summary>
internal static class LmEvalConfigs
{
    public static void Write(Utf8JsonWriter json, RunResults results, IReadOnlyList<LmEvalGroup> subjects)
    {
        json.WriteStartObject("configs");
        foreach (var s in subjects)
        {
            var subject = s.Task["mmlu_".Length..];
            json.WriteStartObject(s.Task);
            json.WriteString("task", s.Task);
            json.WriteString("task_alias", subject);
            json.WriteString("dataset_path", "cais/mmlu");
            json.WriteString("dataset_name", subject);
            json.WriteString("test_split", results.Split);
            json.WriteString("fewshot_split", "dev");
            json.WriteString("description", $"The following are multiple choice questions (with answers) about {subject.Replace('_', ' ')}.\n\n");
            json.WriteString("target_delimiter", " ");
            json.WriteString("fewshot_delimiter", "\n\n");
            json.WriteNumber("num_fewshot", results.Shots);
            json.WriteStartArray("metric_list");
            json.WriteStartObject();
            json.WriteString("metric", "acc");
            json.WriteString("aggregation", "mean");
            json.WriteBoolean("higher_is_better", true);
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteString("output_type", "multiple_choice");
            json.WriteNumber("repeats", 1);
            json.WriteStartObject("metadata");
            json.WritePropertyName("version");
            json.WriteRawValue("1.0");
            json.WriteString("prompt_style", results.Run.PromptStyle);
            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteEndObject();
    }

    public static void WriteRunConfig(Utf8JsonWriter json, RunResults results)
    {
        json.WriteStartObject("config");
        json.WriteString("model", "mmlusharp");
        json.WriteString("model_args", results.Model.Path is null ? $"model={results.Model.Name}" : $"pretrained={results.Model.Path}");
        json.WriteString("model_name", results.Model.Name);
        if (results.Model.Sha256 is not null)
        {
            json.WriteString("model_sha", results.Model.Sha256);
        }

        json.WriteNull("batch_size");
        json.WriteNull("limit");
        json.WriteNumber("bootstrap_iters", 0);
        json.WriteString("scoring", results.Scoring);
        json.WriteString("prompt_style", results.Style);
        json.WriteNumber("prompt_version", results.Run.PromptVersion);
        json.WriteString("grouping", "harness");
        json.WriteEndObject();
        json.WriteString("model_name", results.Model.Name);
        json.WriteString("model_source", "mmlusharp");
        json.WriteNumber("date", results.Run.Date.ToUnixTimeMilliseconds() / 1000.0);
        json.WriteString("mmlusharp_version", results.Run.ToolVersion);
        json.WriteString("total_evaluation_time_seconds", Fmt.Num(results.Timing.Seconds, "0.###"));
    }
}
