using MmluSharp.Scoring;

namespace MmluSharp.Tests.Scoring;

public class AnswerExtractorTests
{
    /// <summary>Real-looking replies and the letter a careful reader would score ("" = unparseable).</summary>
    public static TheoryData<string, string> Replies => new()
    {
        { "B", "B" },
        { "b", "B" },
        { " (C) ", "C" },
        { "D.", "D" },
        { "**A**", "A" },
        { "Answer: C", "C" },
        { "Answer: C. 12", "C" },
        { "answer: d", "D" },
        { "ANSWER: B", "B" },
        { "The answer is (B).", "B" },
        { "The answer is B", "B" },
        { "The correct answer is **D**.", "D" },
        { "The final answer is $\\boxed{A}$... no wait. Answer: A", "A" },
        { "**Answer:** C", "C" },
        { "**Answer: D**", "D" },
        { "Let's think step by step.\nThe enzyme is in the cytoplasm.\nAnswer: B", "B" },
        { "Answer: A\nWait, that is wrong: A is a prime, so reconsider.\nAnswer: D", "D" },
        { "First I thought Answer: B, but the correct answer is C.", "C" },
        { "The answer is c", "C" },
        { "the answer is (d)", "D" },
        { "I believe the answer is a.", "A" },
        { "Respuesta: B", "B" },
        { "La respuesta es C", "C" },
        { "Réponse : D", "D" },
        { "Die Antwort ist A.", "A" },
        { "Risposta: B", "B" },
        { "Resposta: C", "C" },
        { "Ответ: D", "D" },
        { "答案：B", "B" },
        { "答案是C", "C" },
        { "正解: A", "A" },
        { "정답: D", "D" },
        { "Option B is correct because the others are wrong.", "B" },
        { "I would pick choice (C).", "C" },
        { "C. 12", "C" },
        { "B) Paris", "B" },
        { "After eliminating the rest, (D) remains.", "D" },
        { "It is a difficult question and a good one.", "" },
        { "I am not sure.", "" },
        { "", "" },
        { "The answer is a prime number greater than two.", "" },
        { "Answer: E", "" },
        { "Answers: B", "B" },
        { "A", "A" },
        { "a", "A" },
    };

    [Theory]
    [MemberData(nameof(Replies))]
    public void The_last_answer_statement_or_a_sensible_fallback_is_found(string reply, string expected)
    {
        var result = AnswerExtractor.Extract(reply);
        Assert.Equal(expected, result.Index is int i ? ((char)('A' + i)).ToString() : string.Empty);
    }

    [Fact]
    public void The_table_has_at_least_forty_replies() => Assert.True(Replies.Count >= 40);

    [Fact]
    public void Letters_beyond_the_option_count_are_not_answers()
    {
        Assert.Null(AnswerExtractor.Extract("Answer: F", 4).Index);
        Assert.Equal(5, AnswerExtractor.Extract("Answer: F", 10).Index);
    }

    [Fact]
    public void The_rule_that_matched_is_reported()
    {
        Assert.Equal("answer-cue", AnswerExtractor.Extract("The answer is (B)").Rule);
        Assert.Equal("bare-letter", AnswerExtractor.Extract("B").Rule);
        Assert.Equal("none", AnswerExtractor.Extract("no idea").Rule);
    }
}
