using MmluSharp.Running;

namespace MmluSharp.Testing;

/// <summary>Plans for tests, from a <see cref="PlanRequest"/> as the benchmarks take it.</summary>
internal static class TestPlans
{
    /// <summary>The plan <see cref="EvaluationPlan.Create"/> builds for the options <paramref name="request"/> stands for.</summary>
    public static EvaluationPlan Build(PlanRequest request, EvaluationOptions? options = null) => EvaluationPlan.Create((options ?? new EvaluationOptions()) with
    {
        Data = request.Data,
        Split = request.Split,
        Shots = request.Shots,
        Style = request.Style,
        Subjects = request.Subjects?.ToList(),
        Limit = request.Limit,
        MaxSamples = request.MaxSamples,
        Benchmark = request.Benchmark,
        Grouping = request.Grouping,
        Permutation = request.Permute,
    });
}
