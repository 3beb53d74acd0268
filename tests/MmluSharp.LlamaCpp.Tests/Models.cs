using MmluSharp.Models;
using MmluSharp.Testing;

namespace MmluSharp.LlamaCpp.Tests;

internal static class Models
{
    public const string Stories = "stories260K.gguf";
    public const string Llama2Tiny = "llama-2-tiny-random.gguf";
    public const string Synthetic58M = "synthetic-58M-q8_0.gguf";

    public static LlamaCppModel Load(string file, LlamaCppOptions? options = null) =>
        LlamaCppModel.Load(SharedData.Model(file), options ?? new LlamaCppOptions());

    public static async Task<Dictionary<string, ScoreResponse>> ScoreAllAsync(this LlamaCppModel model, IReadOnlyList<ScoreRequest> requests)
    {
        var results = new Dictionary<string, ScoreResponse>(StringComparer.Ordinal);
        await foreach (var r in model.ScoreAsync(requests))
        {
            results.Add(r.Id, r);
        }

        return results;
    }

    public static async Task<Dictionary<string, ScoreResponse>> ScoreAllFromScratchAsync(this LlamaCppModel model, IReadOnlyList<ScoreRequest> requests)
    {
        var results = new Dictionary<string, ScoreResponse>(StringComparer.Ordinal);
        await foreach (var r in model.ScoreFromScratchAsync(requests))
        {
            results.Add(r.Id, r);
        }

        return results;
    }

    public static int ArgMax(this ScoreResponse r) =>
        Enumerable.Range(0, r.LogProbabilities.Count).MaxBy(i => r.LogProbabilities[i]);
}
