using System.Globalization;
using System.Text.Json;
using MmluSharp.Results;

namespace MmluSharp.Reports.LmEval;

/// <summary>
/// The <c>config</c> section and the keys after it, as lm-eval 0.4.11 writes them (<c>simple_evaluate</c>,
/// <c>add_env_info</c>, <c>add_tokenizer_info</c>, <c>EvaluationTracker.save_results_aggregated</c>): every key is
/// present, null where mmlusharp has no such value (no git checkout, no PyTorch, no seeds: its prompts take the first
/// dev examples and nothing is sampled).
/// </summary>
internal static class LmEvalRunConfig
{
    /// <summary>What lm-eval writes as <c>model</c> and <c>model_source</c>: the backend that scored the model.</summary>
    public const string Source = "mmlusharp";

    public static void Write(Utf8JsonWriter json, RunResults results, int bootstrapIters)
    {
        var model = results.Model;
        json.WriteStartObject("config");
        json.WriteString("model", Source);
        json.WriteStartObject("model_args");
        foreach (var (key, value) in LmEvalModel.Arguments(model))
        {
            json.WriteString(key, value);
        }

        json.WriteEndObject();
        NumberOrNull(json, "model_num_parameters", model.Parameters);
        StringOrNull(json, "model_dtype", model.FileType);
        json.WriteNull("model_revision");
        StringOrNull(json, "model_sha", model.Sha256);
        json.WriteNull("batch_size");
        json.WriteStartArray("batch_sizes");
        json.WriteEndArray();
        json.WriteNull("device");
        json.WriteNull("use_cache");
        if (results.Run.Limit is int limit)
        {
            // lm-eval's --limit is a float (a count, or a fraction below 1).
            LmEvalJson.Float(json, "limit", limit);
        }
        else
        {
            json.WriteNull("limit");
        }

        json.WriteNumber("bootstrap_iters", bootstrapIters);
        GenerationArguments(json, results);
        foreach (var seed in (string[])["random_seed", "numpy_seed", "torch_seed", "fewshot_seed"])
        {
            json.WriteNull(seed);
        }

        json.WriteEndObject();
        json.WriteNull("git_hash");
        LmEvalJson.Float(json, "date", results.Run.Date.ToUnixTimeMilliseconds() / 1000.0);
        foreach (var key in (string[])[
            "pretty_env_info", "transformers_version", "lm_eval_version", "upper_git_hash",
            "tokenizer_pad_token", "tokenizer_eos_token", "tokenizer_bos_token", "eot_token_id", "max_length"])
        {
            json.WriteNull(key);
        }

        json.WriteStartObject("task_hashes");
        json.WriteEndObject();
        var name = LmEvalModel.Name(model);
        json.WriteString("model_source", Source);
        json.WriteString("model_name", name);
        json.WriteString("model_name_sanitized", LmEvalModel.Sanitize(name));
        var chat = results.Run.Chat;
        StringOrNull(json, "system_instruction", chat?.SystemInstruction);
        StringOrNull(json, "system_instruction_sha", chat?.SystemInstruction is { } instruction ? Scoring.PromptHash.Of(instruction) : null);
        if (chat?.TemplateText is not null || model.Endpoint?.GetValueOrDefault("api") == "chat/completions")
        {
            // Under a chat template, or with the whole prompt (examples included) as one user message.
            json.WriteBoolean("fewshot_as_multiturn", chat?.FewshotAsMultiturn == true);
        }
        else
        {
            json.WriteNull("fewshot_as_multiturn");
        }

        StringOrNull(json, "chat_template", chat?.TemplateText);
        StringOrNull(json, "chat_template_sha", chat?.TemplateSha256);
        json.WriteString("total_evaluation_time_seconds", results.Timing.Seconds.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary><c>gen_kwargs</c>: for generated answers, the sampling the server was asked for; null otherwise.</summary>
    private static void GenerationArguments(Utf8JsonWriter json, RunResults results)
    {
        var endpoint = results.Model.Endpoint;
        if (results.Scoring == "generate" && results.Run.Generation is { } local)
        {
            json.WriteStartObject("gen_kwargs");
            json.WriteStartArray("until");
            foreach (var stop in local.Until)
            {
                json.WriteStringValue(stop);
            }

            json.WriteEndArray();
            json.WriteBoolean("do_sample", local.Temperature > 0);
            LmEvalJson.Float(json, "temperature", local.Temperature);
            json.WriteNumber("max_gen_toks", local.MaxTokens);
            json.WriteEndObject();
            return;
        }

        if (results.Scoring != "generate" || endpoint is null)
        {
            json.WriteNull("gen_kwargs");
            return;
        }

        json.WriteStartObject("gen_kwargs");
        if (endpoint.GetValueOrDefault("temperature") is { } temperature
            && double.TryParse(temperature, NumberStyles.Float, CultureInfo.InvariantCulture, out var t))
        {
            json.WriteBoolean("do_sample", t > 0);
            LmEvalJson.Float(json, "temperature", t);
        }

        if (endpoint.GetValueOrDefault("max_tokens") is { } max && int.TryParse(max, CultureInfo.InvariantCulture, out var tokens))
        {
            json.WriteNumber("max_gen_toks", tokens);
        }

        json.WriteEndObject();
    }

    private static void NumberOrNull(Utf8JsonWriter json, string name, long? value)
    {
        if (value is long v)
        {
            json.WriteNumber(name, v);
        }
        else
        {
            json.WriteNull(name);
        }
    }

    private static void StringOrNull(Utf8JsonWriter json, string name, string? value)
    {
        if (value is null)
        {
            json.WriteNull(name);
        }
        else
        {
            json.WriteString(name, value);
        }
    }
}
