namespace MmluSharp.Scoring;

/// <summary>How generative scoring asks its questions.</summary>
internal sealed record GenerativeOptions
{
    /// <summary>Requests in flight at once.</summary>
    public int Concurrency { get; init; } = 8;

    /// <summary>Most tokens a reply may have (room for a short explanation before the answer).</summary>
    public int MaxOutputTokens { get; init; } = 256;

    /// <summary>Appended to the prompt, which ends in "Answer:" (nothing by default: the prompt is the reference one).</summary>
    public string Instruction { get; init; } = string.Empty;

    /// <summary>How the chosen letter is read from each reply (<c>--extract</c>).</summary>
    public IAnswerExtractor Extractor { get; init; } = AnswerExtractors.Last;

    /// <summary>Where replies stop, as the prompt style's reference stops them (e.g. <c>Question:</c>); none by default.</summary>
    public IReadOnlyList<string> StopSequences { get; init; } = [];
}
