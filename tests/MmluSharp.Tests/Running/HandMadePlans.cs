using MmluSharp.Benchmarks;
using MmluSharp.Datasets;
using MmluSharp.Prompting;
using MmluSharp.Running;

namespace MmluSharp.Tests.Running;

/// <summary>Plans of hand-made questions.</summary>
internal static class HandMadePlans
{
    /// <summary>An MMLU plan of the given questions, identified by <paramref name="settings"/>.</summary>
    public static EvaluationPlan Of(IReadOnlyList<PromptedQuestion> items, IReadOnlyDictionary<string, string> settings, EvaluationOptions? options = null) =>
        new(options ?? new EvaluationOptions(), BenchmarkRegistry.Default.Get("mmlu"), new BenchmarkPlan(items, "test", 0, "original", 1, MmluCatalogue.For()), items, settings);
}
