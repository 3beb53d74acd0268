using LLama;
using LLama.Common;
using MmluSharp.LlamaCpp.Native;
using MmluSharp.LlamaCpp.Scoring;
using MmluSharp.Models;
using MmluSharp.Running;
using MmluSharp.Testing;

namespace MmluSharp.LlamaCpp.Tests;

/// <summary>
/// The tokenization shortcuts against the full rule (every prompt tokenized whole, every continuation as
/// <c>tokens(prompt + continuation)</c> minus <c>tokens(prompt)</c>) on every question of four subjects, in both
/// prompt styles, for a SentencePiece and a GPT-2 BPE vocabulary (vocab-only GGUFs) and the tiny models' vocabularies.
/// </summary>
public sealed class PromptTokenizerTests
{
    private static readonly string[] Subjects = ["abstract_algebra", "anatomy", "college_chemistry", "high_school_european_history"];

    // The rule each vocabulary must get, by name (the enum is internal).
    public static TheoryData<string, string> Vocabularies => new()
    {
        { "vocab-only/ggml-vocab-llama-spm.gguf", nameof(NewlineRule.Separable) },
        { "vocab-only/ggml-vocab-gpt-2.gguf", nameof(NewlineRule.WordAfterNewline) },
    };

    [Theory]
    [MemberData(nameof(Vocabularies))]
    public void Shortcut_plans_equal_full_rule_plans_on_every_question_of_four_subjects(string file, string expected) =>
        AssertShortcutsExact(file, expected, Subjects, ["original", "harness"]);

    [Fact]
    public void Shortcut_plans_equal_full_rule_plans_where_answers_take_two_tokens()
    {
        // stories260K's 512-piece vocabulary: " A", " C" and " D" are two tokens, so continuations start before the
        // prompt's last token.
        AssertShortcutsExact(Models.Stories, nameof(NewlineRule.Separable), ["abstract_algebra", "college_chemistry", "medical_genetics"], ["original"]);
    }

    private static void AssertShortcutsExact(string file, string expected, string[] subjects, string[] styles)
    {
        using var weights = LoadVocabulary(file);
        var rule = TokenizerRules.Of(weights);
        int[] Tokenize(string text) => TokenizerRules.Tokenize(weights, text);
        var shortcut = new PromptTokenizer(Tokenize, rule);
        // A context no prompt reaches: each prompt is tokenized once.
        var fast = new PromptPlanner(shortcut, 1 << 20);
        var full = new PromptPlanner(Tokenize, 1 << 20);
        var requests = styles.SelectMany(style => Requests(style, subjects)).ToList();

        // Both planners are thread-safe, as the engine's planning is: compare on all cores.
        Parallel.ForEach(requests, request =>
        {
            var a = fast.Plan(request);
            var b = full.Plan(request);
            Assert.Equal(b.Shots, a.Shots);
            Assert.Equal(b.PromptTokens, a.PromptTokens);
            Assert.Equal(b.Continuations.Count, a.Continuations.Count);
            for (var j = 0; j < b.Continuations.Count; j++)
            {
                Assert.Equal(b.Continuations[j].Common, a.Continuations[j].Common);
                Assert.Equal(b.Continuations[j].Tokens, a.Continuations[j].Tokens);
            }
        });

        // Every continuation was read from the prompt's last line; a separable tokenizer also built every prompt
        // from its prefix and query.
        Assert.Equal(expected, rule.ToString());
        var continuations = requests.Sum(r => r.Continuations.Count);
        Assert.Equal((rule == NewlineRule.Separable ? requests.Count : 0) + continuations, shortcut.Counts.Shortcuts);
        Assert.Equal(styles.Length * subjects.Sum(s => Plan("original", [s]).Rendered.SubjectSizes![s]), requests.Count);
    }

    [Fact]
    public void A_tokenizer_without_a_rule_takes_no_shortcut()
    {
        using var weights = LoadVocabulary(Models.Llama2Tiny);
        var tokenizer = new PromptTokenizer(text => TokenizerRules.Tokenize(weights, text), NewlineRule.None);
        var request = Requests("original", Subjects).First();

        var plan = new PromptPlanner(tokenizer, 4096).Plan(request);

        Assert.Equal(TokenizerRules.Tokenize(weights, request.Prompt.Text), plan.PromptTokens);
        Assert.Equal((0, 1 + request.Continuations.Count), tokenizer.Counts);
    }

    [Fact]
    public void A_bpe_prompt_whose_last_line_does_not_start_with_a_letter_uses_the_full_rule()
    {
        using var weights = LoadVocabulary("vocab-only/ggml-vocab-gpt-2.gguf");
        var tokenizer = new PromptTokenizer(text => TokenizerRules.Tokenize(weights, text), TokenizerRules.Of(weights));
        var text = "Question: 2 + 2?\n  4 or 5:";
        var tokens = tokenizer.Tokenize(text);

        var plan = tokenizer.Continuation(text, tokens, " 4");

        var whole = tokenizer.Tokenize(text + " 4");
        Assert.Equal(whole[plan.Common..], plan.Tokens);
        Assert.Equal((0, 1), tokenizer.Counts);
    }

    private static EvaluationPlan Plan(string style, string[] subjects) =>
        EvaluationPlan.Create(new EvaluationOptions { Data = SharedData.Mmlu, Split = "test", Shots = 5, Style = style, Subjects = subjects });

    private static IEnumerable<ScoreRequest> Requests(string style, string[] subjects) =>
        Plan(style, subjects).Questions.Select(q => new ScoreRequest(q.Key, q.Prompt, q.Continuations));

    private static LLamaWeights LoadVocabulary(string file)
    {
        var path = SharedData.Model(file);
        NativeEnvironment.EnsurePassiveWait();
        NativeLog.Install();
        return LLamaWeights.LoadFromFile(new ModelParams(path) { VocabOnly = true });
    }
}
