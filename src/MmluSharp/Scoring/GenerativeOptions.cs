namespace MmluSharp.Scoring;

/// <summary>How generative scoring asks its questions.</summary>
public sealed record GenerativeOptions
{
    /// <summary>Requests in flight at once.</summary>
    public int Concurrency { get; init; } = 8;

    /// <summary>Most tokens a reply may have (room for a short explanation before the answer).</summary>
    public int MaxOutputTokens { get; init; } = 256;

    /// <summary>Appended to the prompt, which ends in "Answer:" (nothing by default: the prompt is the reference one).</summary>
    public string Instruction { get; init; } = string.Empty;
}
