namespace MmluSharp.Scoring;

/// <summary>The letter found in a generated answer, and which rule found it (null when none did).</summary>
/// <param name="Index">0-based option index, or null when the answer could not be parsed.</param>
/// <param name="Rule">The rule that matched: with <c>last</c> <c>answer-cue</c>, <c>bare-letter</c>, <c>option-word</c>,
/// <c>leading-letter</c>, <c>parenthesised</c> or <c>none</c>; with <c>tiger</c> <c>answer-is</c>, <c>answer-colon</c>,
/// <c>last-letter</c> or <c>guess</c> (a letter drawn as TIGER-Lab draws it; the answer counts as unparsed).</param>
public sealed record AnswerExtraction(int? Index, string Rule);
