using MmluSharp.Results;

namespace MmluSharp.Running;

/// <summary>What a call to <see cref="Evaluator.RunAsync(RunPlan, RunDescription, string, IProgress{RunProgress}?, CancellationToken)"/> did.</summary>
/// <param name="Results">The results of the whole run.</param>
/// <param name="Resumed">Questions found already scored in the run folder.</param>
/// <param name="Scored">Questions scored by this call.</param>
/// <param name="AlreadyComplete">The folder held a finished run; nothing was scored.</param>
public sealed record RunOutcome(RunResults Results, int Resumed, int Scored, bool AlreadyComplete)
{
    /// <summary>Samples dropped because their question changed in the data (<see cref="Evaluator.RescoreChanged"/>); scored again.</summary>
    public int Discarded { get; init; }
}
