using MmluSharp.Cli.Commands;
using MmluSharp.IO;
using MmluSharp.OpenAI;

namespace MmluSharp.Cli.Composition;

/// <summary>A model behind OpenAI-compatible endpoints, scored by letter, chat letter or generated text.</summary>
internal static class EndpointModelSetup
{
    public static ModelSetup Create(RunSettings settings, string folder)
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
        var summary = $"served by {string.Join(" ", options.Endpoints.Select(Urls.WithoutUserInfo))}";
        Directory.CreateDirectory(folder);

        // SQLite writes the cache itself; like every output, it must be a regular file (a link to one is fine).
        _ = OutputFiles.Resolve(options.CachePath);

        if (settings.Scoring == RunSettings.GenerateScoring)
        {
            // A prompt rendered here by --chat-template goes to /v1/completions as it stands; else the server's chat API.
            var client = settings.ChatTemplateGiven ? OpenAICompatible.CreateCompletionsClient(options) : OpenAICompatible.CreateChatClient(options);
            return ModelSetup.Of(client, options.Model, summary);
        }

        var chat = settings.Scoring == RunSettings.ChatLetterScoring;
        var model = chat ? OpenAICompatible.ChatLetterModel(options) : OpenAICompatible.CompletionsModel(options);

        // Results call both letter scorings "letter"; the run folder tells them apart (run.json's "scoring").
        var identity = chat ? new Dictionary<string, string>(StringComparer.Ordinal) { ["scoring"] = settings.Scoring } : null;
        return ModelSetup.Of(model, options.Model, null, identity, summary);
    }
}
