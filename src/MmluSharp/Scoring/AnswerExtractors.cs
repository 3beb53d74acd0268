namespace MmluSharp.Scoring;

/// <summary>The extractors <c>--extract</c> names, and each benchmark's default.</summary>
public static class AnswerExtractors
{
    /// <summary>Our last-answer-statement rules (<see cref="AnswerExtractor"/>): MMLU's default.</summary>
    public static IAnswerExtractor Last { get; } = new LastStatementExtractor();

    /// <summary>TIGER-AI-Lab/MMLU-Pro's <c>extract_answer</c> and random guess: MMLU-Pro's default.</summary>
    public static IAnswerExtractor Tiger { get; } = new TigerAnswerExtractor();

    /// <summary>Every extractor.</summary>
    public static IReadOnlyList<IAnswerExtractor> All { get; } = [Last, Tiger];

    /// <summary>The extractor called <paramref name="name"/>.</summary>
    /// <exception cref="OptionException">No extractor has that name (names <c>Extraction</c>).</exception>
    public static IAnswerExtractor Parse(string name) =>
        All.FirstOrDefault(e => string.Equals(e.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new OptionException(nameof(EvaluationOptions.Extraction), $"must be one of {string.Join(", ", All.Select(e => e.Name))}, not '{name}'.");

    private sealed class LastStatementExtractor : IAnswerExtractor
    {
        public string Name => "last";

        public AnswerExtraction Extract(string? text, int optionCount) => AnswerExtractor.Extract(text, optionCount);
    }
}
