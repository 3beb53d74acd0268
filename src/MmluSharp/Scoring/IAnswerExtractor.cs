namespace MmluSharp.Scoring;

/// <summary>A rule that finds the chosen letter in a model's free-text answer (<c>--extract</c>).</summary>
public interface IAnswerExtractor
{
    /// <summary>The name on the command line and in results, e.g. <c>tiger</c>.</summary>
    string Name { get; }

    /// <summary>The letter <paramref name="text"/> chose among <paramref name="optionCount"/> options.</summary>
    AnswerExtraction Extract(string? text, int optionCount);
}
