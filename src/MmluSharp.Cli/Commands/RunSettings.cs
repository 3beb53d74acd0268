using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace MmluSharp.Cli.Commands;

internal class RunSettings : ChatSettings
{
    [CommandOption("-m|--model <MODEL>")]
    [Description("A GGUF file, run in-process with llama.cpp, or a model on the Hugging Face Hub: owner/repo, owner/repo:QUANT (e.g. Q4_K_M) or owner/repo/path/file.gguf, with @revision for a branch, tag or commit; it is downloaded into the Hugging Face cache (HF_ENDPOINT, HF_TOKEN, HF_HUB_OFFLINE apply). A local path wins when it exists. With --endpoint, the model name the server knows.")]
    public string? Model { get; init; }

    [CommandOption("--endpoint <URL>")]
    [Description("An OpenAI-compatible server (vLLM, llama-server, Ollama, LM Studio, OpenAI), e.g. http://127.0.0.1:8080/v1. Repeat it to share the load between servers. http://user:password@host/v1 sends HTTP Basic authentication to that server instead of the API key; the user-info is written nowhere.")]
    public string[] Endpoint { get; init; } = [];

    [CommandOption("--api-key-env <VAR>")]
    [Description("The environment variable holding the API key (never written to results or logs).")]
    [DefaultValue("OPENAI_API_KEY")]
    public string ApiKeyEnv { get; init; } = "OPENAI_API_KEY";

    [CommandOption("--concurrency <N>")]
    [Description("Requests in flight at once, over all endpoints.")]
    [DefaultValue(8)]
    public int Concurrency { get; init; } = 8;

    [CommandOption("--timeout <SECONDS>")]
    [Description("Per-request timeout; a request that times out is retried.")]
    [DefaultValue(60)]
    public int Timeout { get; init; } = 60;

    [CommandOption("--retries <N>")]
    [Description("Retries of a request after 429, 5xx, a timeout or a broken answer (exponential backoff with jitter, honouring Retry-After).")]
    [DefaultValue(6)]
    public int Retries { get; init; } = 6;

    [CommandOption("--rpm <N>")]
    [Description("At most N requests per minute.")]
    public int? RequestsPerMinute { get; init; }

    [CommandOption("--cache <FILE>")]
    [Description("SQLite response cache (default: responses.sqlite in the run folder): a rerun sends no request twice.")]
    public string? Cache { get; init; }

    [CommandOption("--top-logprobs <N>")]
    [Description("With --scoring letter or chat-letter: alternatives asked for at the answer position (OpenAI allows 5 for completions, 20 for chat; llama-server and vLLM more). A letter not among them scores the floor value -100; if the first answers list no letter at all, the run stops and says what the server sent.")]
    [DefaultValue(20)]
    public int TopLogprobs { get; init; } = 20;

    [CommandOption("--max-response-mb <MB>")]
    [Description("The largest server answer accepted, in MB; a larger one is a broken answer (retried, then the run stops).")]
    [DefaultValue(16)]
    public int MaxResponseMb { get; init; } = 16;

    [CommandOption("--max-tokens <N>")]
    [Description("With --scoring generate: the longest reply asked for (default: 2048 for MMLU-Pro's cot and harness prompts, as TIGER-Lab and lm-eval allow; else 256; for a local model at most half its context). A local model drops the last examples until the prompt leaves room for it.")]
    public int? MaxTokens { get; init; }

    [CommandOption("--extract <RULE>")]
    [Description("With --scoring generate, how the letter is read from each reply. tiger (default for mmlu-pro): TIGER-AI-Lab/MMLU-Pro's extract_answer (\"answer is (X)\", then the first line's last \"Answer: X\", then the last standalone A-J, with Python re semantics), and its random guess (seed 12345) for a reply with none, counted as unparsed. last (default otherwise): the last answer statement, with fallbacks; no letter counts wrong.")]
    public string? Extract { get; init; }

    [CommandOption("-o|--out <DIR>")]
    [Description("Run folder for results.json, samples.jsonl, run.json and the reports (default: runs/<model>-<benchmark>-<split>-<K>shot-<style>, plus -shardIofN with --shard). Running the same command again on it resumes an interrupted run.")]
    public string? Out { get; init; }

    [CommandOption("--scoring <METHOD>")]
    [Description("letter: log-probability of \" A\"…\" D\" after \"Answer:\", the most likely letter is the prediction (evaluate.py, lm-eval acc; local models and /v1/completions, where the token must be exactly \" A\"). chat-letter: the first token's top log-probabilities from /v1/chat/completions, where a letter is normally spelt \"A\" (spaces around it allowed, case and punctuation not). generate: the model answers in text and the letter is extracted (--extract): a local GGUF generates greedily in-process, many questions side by side, stopping at its end-of-generation tokens and the prompt style's stop strings (as TIGER-AI-Lab evaluate_from_local.py and lm-eval generate_until); an endpoint answers through /v1/chat/completions, or /v1/completions with --chat-template.")]
    [DefaultValue("letter")]
    public string Scoring { get; init; } = "letter";

    [CommandOption("--grouping <GROUPING>")]
    [Description("Category mapping: original (hendrycks/test categories.py) or harness (anatomy in STEM).")]
    [DefaultValue("original")]
    public string Grouping { get; init; } = "original";

    [CommandOption("--shard <I/N>")]
    [Description("Run only slice I of N (every N-th question), e.g. on N machines; join the folders with mmlu merge. auto: the slice of this Slurm job array task (SLURM_ARRAY_TASK_ID) or Kubernetes Indexed Job pod (JOB_COMPLETION_INDEX, with --shards N).")]
    public string? Shard { get; init; }

    [CommandOption("--shards <N>")]
    [Description("With --shard auto: the number of shards (a Kubernetes Job's completions; checked against a Slurm array's size).")]
    public int? Shards { get; init; }

    /// <summary>--shard auto: the slice comes from the scheduler's environment.</summary>
    public bool ShardFromScheduler => Shard == "auto";

    [CommandOption("--threads <N>")]
    [Description("CPU threads for llama.cpp (default: all cores).")]
    public int? Threads { get; init; }

    [CommandOption("--context <TOKENS>")]
    [Description("Context size, at most the model's training context; longer prompts lose their last few-shot examples until they fit, as evaluate.py does, and a zero-shot prompt that still does not fit loses tokens from the left, as lm-evaluation-harness does (default: 2048, or the model's if smaller).")]
    public int? Context { get; init; }

    [CommandOption("--batch <TOKENS>")]
    [Description("Most tokens decoded in one llama.cpp batch; questions stream through full batches of this size.")]
    [DefaultValue(512)]
    public int Batch { get; init; } = 512;

    [CommandOption("--parallel <N>")]
    [Description("The most questions in flight at once, each on sequences of its own continuing its subject's shared few-shot prefix (letter scoring and generation alike). A local --scoring generate keeps a KV cache of --context tokens per question (fewer questions when they would not fit in memory; replies are the same whatever the number).")]
    [DefaultValue(32)]
    public int Parallel { get; init; } = 32;

    [CommandOption("--kv-cache <TOKENS>")]
    [Description("Tokens letter scoring's KV cache holds for all questions decoded side by side (llama.cpp's unified cache). Default: --context. A local --scoring generate does not use it: each question has a cache of --context tokens of its own (see --parallel).")]
    public int? KvCache { get; init; }

    [CommandOption("--exact-kv")]
    [Description("F32 KV cache, no flash attention, one question in flight at a time: scores equal, bit for bit, to evaluating every prompt alone (slower). A local --scoring generate never uses flash attention and gives each question a cache of its own, so that each reply is the one decoded alone, whichever questions run beside it; its cache is F16, or F32 with --exact-kv.")]
    public bool ExactKv { get; init; }

    [CommandOption("--rescore-changed")]
    [Description("On resuming a run whose data changed since it started (a question's prompt or answer differs, questions were added or removed): drop the samples that no longer match and score those questions again. Without it such a folder is refused.")]
    public bool RescoreChanged { get; init; }

    /// <summary>--scoring generate: the model answers in text.</summary>
    public const string GenerateScoring = "generate";

    /// <summary>--scoring chat-letter: letter log-probabilities from /v1/chat/completions.</summary>
    public const string ChatLetterScoring = "chat-letter";

    private static int MaxThreads => LlamaCpp.LlamaCppOptions.MaxThreads;

    /// <summary>More requests in flight than any server takes; also keeps the request queue's size in range.</summary>
    private const int MaxConcurrency = 1024;

    /// <summary>A day: the longest timeout the resilience pipeline accepts.</summary>
    private const int MaxTimeoutSeconds = 86_400;

    private const int MaxRetries = 1000;

    /// <summary>One request every 60 µs; the rate limiter's period must stay a whole number of ticks.</summary>
    private const int MaxRequestsPerMinute = 1_000_000;

    private const int MaxOutputTokens = 1_000_000;

    /// <summary>More alternatives than any vocabulary has tokens.</summary>
    private const int MaxTopLogprobs = 1_000_000;

    /// <summary>An answer is read into one array, which holds less than 2 GB.</summary>
    private const int MaxResponseMegabytes = 2047;

    public override ValidationResult Validate()
    {
        if (string.IsNullOrWhiteSpace(Model))
        {
            return ValidationResult.Error("--model is required: a GGUF file, a Hugging Face reference (owner/repo:QUANT), or with --endpoint the served model's name.");
        }

        if (Scoring is not ("letter" or "chat-letter" or "generate"))
        {
            return ValidationResult.Error($"--scoring must be letter, chat-letter or generate, not '{Scoring}'.");
        }

        if (Endpoint.Length == 0 && Scoring == "chat-letter")
        {
            return ValidationResult.Error("--scoring chat-letter needs --endpoint; local GGUF models use --scoring letter or generate.");
        }

        if (Endpoint.Length > 0 && ChatTemplateGiven && Scoring == "chat-letter")
        {
            return ValidationResult.Error("--chat-template renders prompts here for /v1/completions; --scoring chat-letter sends chat messages, which the server renders with its own template.");
        }

        if (Endpoint.Length > 0 && ChatTemplateGiven && string.IsNullOrEmpty(ChatTemplate!.Value))
        {
            return ValidationResult.Error("--chat-template with --endpoint needs a template: a llama.cpp built-in name or a file (the server's model file is not here to read).");
        }

        if (Endpoint.Any(e => !Uri.TryCreate(e, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")))
        {
            return ValidationResult.Error("--endpoint must be an http(s) URL, e.g. http://127.0.0.1:8080/v1.");
        }

        if (Extract is not null && !MmluSharp.Scoring.AnswerExtractors.All.Any(e => string.Equals(e.Name, Extract, StringComparison.OrdinalIgnoreCase)))
        {
            return ValidationResult.Error($"--extract must be one of {string.Join(", ", MmluSharp.Scoring.AnswerExtractors.All.Select(e => e.Name))}, not '{Extract}'.");
        }

        if (Extract is not null && Scoring != "generate")
        {
            return ValidationResult.Error("--extract reads letters from generated answers: it needs --scoring generate.");
        }

        if ((OutOfRange("--concurrency", Concurrency, 1, MaxConcurrency) ?? OutOfRange("--timeout", Timeout, 1, MaxTimeoutSeconds)
            ?? OutOfRange("--retries", Retries, 0, MaxRetries) ?? OutOfRange("--rpm", RequestsPerMinute, 1, MaxRequestsPerMinute)
            ?? OutOfRange("--max-tokens", MaxTokens, 1, MaxOutputTokens) ?? OutOfRange("--top-logprobs", TopLogprobs, 1, MaxTopLogprobs)
            ?? OutOfRange("--max-response-mb", MaxResponseMb, 1, MaxResponseMegabytes)) is { } endpointError)
        {
            return ValidationResult.Error(endpointError);
        }

        if (Grouping is not ("original" or "harness"))
        {
            return ValidationResult.Error($"--grouping must be original or harness, not '{Grouping}'.");
        }

        if (Threads > MaxThreads)
        {
            return ValidationResult.Error($"--threads must be at most {MaxThreads} (4 × the {Environment.ProcessorCount} cores here), not {Threads}.");
        }

        if ((OutOfRange("--threads", Threads, 1, MaxThreads) ?? OutOfRange("--context", Context, 1, int.MaxValue)
            ?? OutOfRange("--batch", Batch, 1, int.MaxValue) ?? OutOfRange("--parallel", Parallel, 1, int.MaxValue)
            ?? OutOfRange("--kv-cache", KvCache, 1, int.MaxValue)) is { } engineError)
        {
            return ValidationResult.Error(engineError);
        }

        var shard = ValidateShard();
        return shard.Successful ? base.Validate() : shard;
    }

    /// <summary>--shard is i/n or auto; --shards goes with auto.</summary>
    protected virtual ValidationResult ValidateShard()
    {
        if (Shards is not null && !ShardFromScheduler)
        {
            return ValidationResult.Error("--shards goes with --shard auto (with --shard I/N the count is N).");
        }

        if (Shards is <= 0)
        {
            return ValidationResult.Error("--shards must be a positive number.");
        }

        if (Shard is null || ShardFromScheduler)
        {
            return ValidationResult.Success();
        }

        try
        {
            Running.Shard.Parse(Shard);
            return ValidationResult.Success();
        }
        catch (ArgumentException)
        {
            return ValidationResult.Error($"--shard must be i/n with 1 ≤ i ≤ n (e.g. 2/4), or auto in a Slurm job array or Kubernetes Indexed Job; not '{Shard}'.");
        }
    }
}
