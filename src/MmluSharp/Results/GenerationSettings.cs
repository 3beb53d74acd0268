namespace MmluSharp.Results;

/// <summary>How replies were generated (for <c>--scoring generate</c>), as lm-evaluation-harness' <c>gen_kwargs</c>.</summary>
/// <param name="MaxTokens">The longest reply.</param>
/// <param name="Until">Where a reply was cut.</param>
/// <param name="Temperature">0: greedy.</param>
public sealed record GenerationSettings(int MaxTokens, IReadOnlyList<string> Until, double Temperature = 0);
