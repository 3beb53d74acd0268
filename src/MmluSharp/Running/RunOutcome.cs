using MmluSharp.Results;

namespace MmluSharp.Running;

/// <summary>What an evaluation did: its results, and in a run folder how much was resumed and scored.</summary>
/// <param name="Results">The results of the whole run.</param>
/// <param name="Resumed">Questions found already scored in the run folder.</param>
/// <param name="Scored">Questions scored by this call.</param>
/// <param name="AlreadyComplete">The folder held a finished run; nothing was scored.</param>
public sealed record RunOutcome(RunResults Results, int Resumed, int Scored, bool AlreadyComplete)
{
    /// <summary>Samples dropped because their question changed in the data (<see cref="EvaluationOptions.RescoreChanged"/>); scored again.</summary>
    public int Discarded { get; init; }

    /// <summary>Every sample of the run, in question order (what <c>samples.jsonl</c> holds).</summary>
    public IReadOnlyList<Sample> Samples { get; init; } = [];
}
