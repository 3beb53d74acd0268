namespace MmluSharp.Scoring;

/// <summary>The letter found in a generated answer, and which rule found it (null when none did).</summary>
/// <param name="Index">0-based option index, or null when the answer could not be parsed.</param>
/// <param name="Rule">The rule that matched: <c>answer-cue</c>, <c>bare-letter</c>, <c>option-word</c>, <c>leading-letter</c>, <c>parenthesised</c>, or <c>none</c>.</param>
public sealed record AnswerExtraction(int? Index, string Rule);
