using Microsoft.Extensions.AI;
using MmluSharp.Cli.Commands;
using MmluSharp.OpenAI;
using MmluSharp.Results;
using MmluSharp.Scoring;

namespace MmluSharp.Cli.Composition;

/// <summary>A model behind OpenAI-compatible endpoints, scored by letter, chat letter or generated text.</summary>
internal static class EndpointModelSetup
{
    public static ScorerSetup Create(RunSettings settings, string folder)
    {
        var options = new EndpointOptions([.. settings.Endpoint.Select(e => new Uri(e))], settings.Model!)
        {
            ApiKeyVariable = settings.ApiKeyEnv,
            Concurrency = settings.Concurrency,
            Timeout = TimeSpan.FromSeconds(settings.Timeout),
            MaxRetries = settings.Retries,
            RequestsPerMinute = settings.RequestsPerMinute,
            CachePath = settings.Cache ?? Path.Combine(folder, "responses.sqlite"),
        };
        Directory.CreateDirectory(folder);

        IQuestionScorer scorer;
        IReadOnlyDictionary<string, string> parameters;
        IDisposable resource;
        Func<ApiUsage?> usage;
        if (settings.Scoring == GenerativeScorer.Name)
        {
            var client = OpenAICompatible.CreateChatClient(options);
            scorer = new GenerativeScorer(client, new GenerativeOptions { Concurrency = settings.Concurrency, MaxOutputTokens = settings.MaxTokens });
            parameters = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["endpoint"] = string.Join(" ", options.Endpoints),
                ["api"] = "chat/completions",
                ["model"] = options.Model,
                ["temperature"] = "0",
                ["max_tokens"] = settings.MaxTokens.ToString(System.Globalization.CultureInfo.InvariantCulture),
            };
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
        return new ScorerSetup(
            scorer,
            new ModelDescription(options.Model, null, null, null, parameters),
            identity,
            $"served by {string.Join(", ", options.Endpoints)}",
            usage,
            resource);
    }

    private static ApiUsage? ToUsage(EndpointStatistics? s) =>
        s is null ? null : new ApiUsage(s.Requests, s.CacheHits, s.Retries, s.FloorLetters);
}
