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
    /// <exception cref="ArgumentException">No extractor has that name.</exception>
    public static IAnswerExtractor Parse(string name) =>
        All.FirstOrDefault(e => string.Equals(e.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException($"--extract must be one of {string.Join(", ", All.Select(e => e.Name))}, not '{name}'.");

    /// <summary>The extractor a benchmark's generated answers are read with unless <c>--extract</c> says otherwise.</summary>
    public static IAnswerExtractor DefaultFor(string benchmark) => benchmark == "mmlu-pro" ? Tiger : Last;

    private sealed class LastStatementExtractor : IAnswerExtractor
    {
        public string Name => "last";

        public AnswerExtraction Extract(string? text, int optionCount) => AnswerExtractor.Extract(text, optionCount);
    }
}
