using MmluSharp.Benchmarks;
using MmluSharp.Models.Generation;
using MmluSharp.Running;
using MmluSharp.Testing;

namespace MmluSharp.LlamaCpp.Tests.Generation;

/// <summary>Test helpers: MMLU-Pro chain-of-thought requests and replies by id.</summary>
internal static class Generations
{
    public static List<GenerationRequest> MmluProCot(int perCategory, int categories, int maxTokens, int shots = 5, IReadOnlyList<string>? stop = null)
    {
        var plan = TestPlans.Build(new PlanRequest(SharedData.Dataset("mmlu-pro"), "test", shots, "cot", Limit: perCategory, Benchmark: "mmlu-pro"));
        var chosen = plan.Questions.Select(q => q.Question.Subject).Distinct(StringComparer.Ordinal).Take(categories).ToHashSet(StringComparer.Ordinal);
        return [.. plan.Questions.Where(q => chosen.Contains(q.Question.Subject)).Select(q => new GenerationRequest(q.Key, q.Prompt, maxTokens, stop ?? []))];
    }

    public static async Task<Dictionary<string, GeneratedReply>> GenerateAllAsync(this LlamaCppModel model, IReadOnlyList<GenerationRequest> requests, int? parallel = null)
    {
        var replies = new Dictionary<string, GeneratedReply>(StringComparer.Ordinal);
        await foreach (var reply in model.GenerateAsync(requests, parallel))
        {
            replies.Add(reply.Id, reply);
        }

        return replies;
    }
}
