using System.Text.Json;
using Microsoft.Extensions.AI;
using MmluSharp.Cli.Commands;
using MmluSharp.IO;
using MmluSharp.OpenAI;
using MmluSharp.Results;
using MmluSharp.Running;
using MmluSharp.Scoring;

namespace MmluSharp.Cli.Composition;

/// <summary>A model behind OpenAI-compatible endpoints, scored by letter, chat letter or generated text.</summary>
internal static class EndpointModelSetup
{
    /// <summary>The tool's reply limit when neither --max-tokens nor the prompt style's reference sets one.</summary>
    private const int DefaultMaxTokens = 256;

    public static ScorerSetup Create(RunSettings settings, string folder, RunPlan plan)
    {
        var options = new EndpointOptions([.. settings.Endpoint.Select(e => new Uri(e))], settings.Model!)
        {
            ApiKeyVariable = settings.ApiKeyEnv,
            Concurrency = settings.Concurrency,
            Timeout = TimeSpan.FromSeconds(settings.Timeout),
            MaxRetries = settings.Retries,
            RequestsPerMinute = settings.RequestsPerMinute,
            CachePath = settings.Cache ?? Path.Combine(folder, "responses.sqlite"),
            TopLogprobs = settings.TopLogprobs,
            MaxResponseBytes = (long)settings.MaxResponseMb << 20,
        };
        var endpoints = string.Join(" ", options.Endpoints.Select(Urls.WithoutUserInfo));
        Directory.CreateDirectory(folder);

        // SQLite writes the cache itself; like every output, it must be a regular file (a link to one is fine).
        _ = IO.OutputPath.Resolve(options.CachePath);

        IQuestionScorer scorer;
        IReadOnlyDictionary<string, string> parameters;
        IDisposable resource;
        Func<ApiUsage?> usage;
        string? extractor = null;
        if (settings.Scoring == GenerativeScorer.Name)
        {
            var client = OpenAICompatible.CreateChatClient(options);
            var generation = new GenerativeOptions
            {
                Concurrency = settings.Concurrency,
                MaxOutputTokens = settings.MaxTokens ?? plan.MaxNewTokens ?? DefaultMaxTokens,
                Extractor = settings.Extract is null ? AnswerExtractors.DefaultFor(plan.Benchmark) : AnswerExtractors.Parse(settings.Extract),
                StopSequences = plan.StopSequences,
            };
            scorer = new GenerativeScorer(client, generation);
            var chat = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["endpoint"] = endpoints,
                ["api"] = "chat/completions",
                ["model"] = options.Model,
                ["temperature"] = "0",
                ["max_tokens"] = generation.MaxOutputTokens.ToString(System.Globalization.CultureInfo.InvariantCulture),
            };
            if (generation.StopSequences.Count > 0)
            {
                chat["stop"] = JsonSerializer.Serialize(generation.StopSequences);
            }

            parameters = chat;
            extractor = generation.Extractor.Name;
            resource = client;
            usage = () => ToUsage(client.GetService<EndpointStatistics>());
        }
        else
        {
            var model = settings.Scoring == "chat-letter" ? OpenAICompatible.ChatLetterModel(options) : OpenAICompatible.CompletionsModel(options);
            scorer = new LetterScorer(model);
            parameters = model.Settings;
            resource = model;
            usage = () => ToUsage(model.Statistics);
        }

        // The endpoints may change between sessions (add a replica, move a server); the rest identifies the run.
        var identity = parameters.Where(p => p.Key != "endpoint")
            .ToDictionary(p => "api_" + p.Key, p => p.Value, StringComparer.Ordinal);
        identity["scoring"] = settings.Scoring;
        if (extractor is not null)
        {
            // A run resumed with another extractor would mix two scorings of its answers.
            identity["extract"] = extractor;
        }

        return new ScorerSetup(
            scorer,
            new ModelDescription(options.Model, null, null, null, parameters),
            identity,
            $"served by {endpoints}",
            usage,
            resource);
    }

    private static ApiUsage? ToUsage(EndpointStatistics? s) =>
        s is null ? null : new ApiUsage(s.Requests, s.CacheHits, s.Retries);
}
