using MmluSharp;
using MmluSharp.Prompting;

namespace EvaluateChatClient.Tests;

/// <summary>The right answer to each prompt of an evaluation, found by the prompt a chat message starts with.</summary>
internal sealed class AnswerKey(EvaluationOptions options)
{
    private readonly IReadOnlyList<PromptedQuestion> questions = EvaluationPlan.Create(options).Questions;

    /// <summary>How many questions the evaluation asks.</summary>
    public int Count => questions.Count;

    /// <summary>The gold letter of the question <paramref name="message"/> asks (the longest prompt it starts with), or null.</summary>
    public string? LetterFor(string message) =>
        questions
            .Where(q => message.StartsWith(q.Prompt.Text, StringComparison.Ordinal))
            .MaxBy(q => q.Prompt.Text.Length)?.Question.AnswerLetter;

    /// <summary>A reply that gives the gold letter as a model would, or a refusal when the question is unknown.</summary>
    public string ReplyTo(string message) =>
        LetterFor(message) is { } letter ? $"The answer is ({letter})." : "I do not know.";
}
