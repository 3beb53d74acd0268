using System.Text.Json;
using MmluSharp.Prompting;
using MmluSharp.Results;

namespace MmluSharp.Reports.LmEval;

/// <summary>
/// The <c>configs</c> section of the lm-eval export: one task config per subject, with the keys in the order lm-eval
/// 0.4.11 writes them for its <c>mmlu_*</c> tasks (<c>TaskConfig.to_dict()</c>, <c>fewshot_config</c> in full), that
/// describe the prompts this run actually used: the original style's header has two spaces after "about" and its
/// <c>doc_to_text</c> keeps the question as written.
/// </summary>
internal static class LmEvalConfigs
{
    private static readonly string[] Choices = ["A", "B", "C", "D"];

    /// <summary>Writes <c>configs</c>: the subjects' task configs, sorted by task name as lm-eval sorts them.</summary>
    public static void Write(Utf8JsonWriter json, RunResults results, IEnumerable<(LmEvalGroup Subject, string Group)> subjects)
    {
        var style = results.Style == Benchmarks.MmluBenchmark.PreRenderedStyle ? PromptStyle.Original : PromptStyle.Parse(results.Style);
        var docToText = (style.StripQuestion ? "{{question.strip()}}" : "{{question}}")
            + "\nA. {{choices[0]}}\nB. {{choices[1]}}\nC. {{choices[2]}}\nD. {{choices[3]}}\nAnswer:";
        json.WriteStartObject("configs");
        foreach (var (subject, group) in subjects.OrderBy(s => s.Subject.Task, StringComparer.Ordinal))
        {
            var name = subject.Task["mmlu_".Length..];
            json.WriteStartObject(subject.Task);
            json.WriteString("task", subject.Task);
            json.WriteString("task_alias", name);
            json.WriteString("tag", group + "_tasks");
            json.WriteString("dataset_path", "cais/mmlu");
            json.WriteString("dataset_name", name);
            json.WriteString("test_split", results.Split == "val" ? "validation" : results.Split);
            json.WriteString("fewshot_split", "dev");
            json.WriteString("doc_to_text", docToText);
            json.WriteString("doc_to_target", "answer");
            json.WriteBoolean("unsafe_code", false);
            LmEvalJson.Strings(json, "doc_to_choice", Choices);
            json.WriteString("description", style.Header(name));
            json.WriteString("target_delimiter", PromptStyle.TargetDelimiter);
            json.WriteString("fewshot_delimiter", PromptStyle.FewShotDelimiter);
            FewShotConfig(json, docToText);
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
            json.WriteBoolean("should_decontaminate", false);
            Metadata(json, results);
            json.WriteEndObject();
        }

        json.WriteEndObject();
    }

    /// <summary>lm-eval's <c>FewshotConfig</c> of <c>mmlu</c>: the first examples of the dev split.</summary>
    private static void FewShotConfig(Utf8JsonWriter json, string docToText)
    {
        json.WriteStartObject("fewshot_config");
        json.WriteString("sampler", "first_n");
        json.WriteString("split", "dev");
        json.WriteNull("process_docs");
        json.WriteNull("fewshot_indices");
        json.WriteNull("samples");
        json.WriteString("doc_to_text", docToText);
        LmEvalJson.Strings(json, "doc_to_choice", Choices);
        json.WriteString("doc_to_target", "answer");
        json.WriteNull("gen_prefix");
        json.WriteString("fewshot_delimiter", PromptStyle.FewShotDelimiter);
        json.WriteString("target_delimiter", PromptStyle.TargetDelimiter);
        json.WriteEndObject();
    }

    /// <summary>
    /// lm-eval merges the task's version and the model arguments into <c>metadata</c>; what only mmlusharp knows
    /// (scoring, prompt style and version, answer extraction, tool version) goes under <c>mmlusharp</c> there.
    /// </summary>
    private static void Metadata(Utf8JsonWriter json, RunResults results)
    {
        json.WriteStartObject("metadata");
        LmEvalJson.Float(json, "version", 1.0);
        foreach (var (key, value) in LmEvalModel.Arguments(results.Model))
        {
            json.WriteString(key, value);
        }

        json.WriteStartObject("mmlusharp");
        json.WriteString("version", results.Run.ToolVersion);
        json.WriteString("scoring", results.Scoring);
        json.WriteString("prompt_style", results.Run.PromptStyle);
        json.WriteNumber("prompt_version", results.Run.PromptVersion);
        if (results.Run.Extraction is { } extraction)
        {
            json.WriteString("extraction", extraction);
        }
        json.WriteEndObject();
        json.WriteEndObject();
    }
}
