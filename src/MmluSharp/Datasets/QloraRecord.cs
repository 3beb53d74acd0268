namespace MmluSharp.Datasets;

/// <summary>One line of a QLoRA MMLU JSON-lines file (e.g. <c>zero_shot_mmlu_val.json</c>).</summary>
/// <param name="Line">1-based line in the file.</param>
/// <param name="Subject">The subject key, e.g. <c>abstract_algebra</c>.</param>
/// <param name="Input">The full prompt, exactly as stored.</param>
/// <param name="Output">The gold answer, e.g. <c>A</c>.</param>
public sealed record QloraRecord(int Line, string Subject, string Input, string Output);
