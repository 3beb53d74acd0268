namespace MmluSharp.Prompting;

/// <summary>
/// A few-shot example as two chat turns, as lm-evaluation-harness writes it under <c>--fewshot_as_multiturn</c>:
/// the user asks <c>doc_to_text</c>, the assistant answers with the target alone (no delimiters).
/// </summary>
/// <param name="User">The example's question as the prompt shows it, e.g. <c>…\nD. 12\nAnswer:</c>.</param>
/// <param name="Assistant">Its answer, e.g. <c>B</c>; empty when the style writes the answer into the question turn.</param>
public sealed record ShotTurn(string User, string Assistant);
