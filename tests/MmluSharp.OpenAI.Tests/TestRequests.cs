using System.Globalization;
using MmluSharp.Models;
using MmluSharp.Prompting;

namespace MmluSharp.OpenAI.Tests;

/// <summary>Synthetic prompts and options with short delays for the fake server.</summary>
internal static class TestRequests
{
    public static readonly string[] Continuations = [" A", " B", " C", " D"];

    public static List<ScoreRequest> Make(int count, string tag = "")
    {
        var requests = new List<ScoreRequest>(count);
        for (var i = 0; i < count; i++)
        {
            var id = i.ToString(CultureInfo.InvariantCulture);
            var prompt = new Prompt("The following are multiple choice questions.\n\n", ["1+1?\nA. 1\nB. 2\nC. 3\nD. 4\nAnswer: B\n\n"], $"Question {id}{tag}?\nA. a\nB. b\nC. c\nD. d\nAnswer:");
            requests.Add(new ScoreRequest(id, prompt, Continuations));
        }

        return requests;
    }

    public static EndpointOptions Options(params FakeServer[] servers) =>
        new(servers.Select(s => s.BaseUrl).ToList(), "fake-model")
        {
            ApiKeyVariable = "MMLU_OPENAI_TESTS_UNSET_KEY",
            RetryBaseDelay = TimeSpan.FromMilliseconds(5),
            MaxRetryDelay = TimeSpan.FromMilliseconds(50),
            Timeout = TimeSpan.FromSeconds(2),
            Concurrency = 8,
        };

    public static async Task<Dictionary<string, IReadOnlyList<double>>> ScoreAll(IEndpointModel model, IReadOnlyList<ScoreRequest> requests)
    {
        var answers = new Dictionary<string, IReadOnlyList<double>>(StringComparer.Ordinal);
        await foreach (var scored in model.ScoreAsync(requests))
        {
            Assert.True(answers.TryAdd(scored.Id, scored.LogProbabilities), $"id {scored.Id} answered twice");
        }

        Assert.Equal(requests.Count, answers.Count);
        return answers;
    }

    public static string TempFile(string name) =>
        Path.Combine(Path.GetTempPath(), "mmlu-openai-tests", Guid.NewGuid().ToString("N"), name);
}
