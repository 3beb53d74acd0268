using System.Globalization;
using System.Text.Json;
using MmluSharp.Datasets;
using MmluSharp.Reports;
using MmluSharp.Reports.LmEval;
using MmluSharp.Results;
using MmluSharp.Running;
using MmluSharp.Testing;
using MmluSharp.Tests.Results;

namespace MmluSharp.Tests.Reports;

public class LmEvalExportTests
{
    /// <summary>MMLU's 57 test subjects and their sizes (14,042 questions).</summary>
    private const string TestSizes =
        "abstract_algebra:100 anatomy:135 astronomy:152 business_ethics:100 clinical_knowledge:265 college_biology:144 " +
        "college_chemistry:100 college_computer_science:100 college_mathematics:100 college_medicine:173 college_physics:102 " +
        "computer_security:100 conceptual_physics:235 econometrics:114 electrical_engineering:145 elementary_mathematics:378 " +
        "formal_logic:126 global_facts:100 high_school_biology:310 high_school_chemistry:203 high_school_computer_science:100 " +
        "high_school_european_history:165 high_school_geography:198 high_school_government_and_politics:193 " +
        "high_school_macroeconomics:390 high_school_mathematics:270 high_school_microeconomics:238 high_school_physics:151 " +
        "high_school_psychology:545 high_school_statistics:216 high_school_us_history:204 high_school_world_history:237 " +
        "human_aging:223 human_sexuality:131 international_law:121 jurisprudence:108 logical_fallacies:163 machine_learning:112 " +
        "management:103 marketing:234 medical_genetics:100 miscellaneous:783 moral_disputes:346 moral_scenarios:895 nutrition:306 " +
        "philosophy:311 prehistory:324 professional_accounting:282 professional_law:1534 professional_medicine:272 " +
        "professional_psychology:612 public_relations:110 security_studies:245 sociology:201 us_foreign_policy:100 virology:166 " +
        "world_religions:171";

    [Fact]
    public void The_lm_eval_export_of_the_fixed_run_matches_its_golden()
    {
        Golden.Verify("reports/lm-eval-results.json", LmEvalExport.ToText(ReportFixture.Results()));
    }

    [Fact]
    public void The_export_has_the_keys_lm_eval_0_4_11_writes_in_its_order_at_every_level()
    {
        // A 5-shot run of two subjects limited to 5 questions each, from a local GGUF.
        var samples = ReportFixture.Samples(questions: 5).Where(s => s.Subject is "abstract_algebra" or "philosophy").ToList();
        var description = new RunDescription(
            "mmlu", "test", 5, "harness", "letter",
            new ModelDescription("tiny", "/models/tiny.gguf", 1000, new string('f', 64), Parameters: 4_600_000, FileType: "Q8_0"),
            new RunProvenance("0.1.0", "harness", 1, "original", "mmlu run --limit 5", ReportFixture.Date, Limit: 5),
            SubjectSizes: new Dictionary<string, int> { ["abstract_algebra"] = 100, ["philosophy"] = 311 });
        var results = Aggregator.Aggregate(samples, description, new TimingStats(2.5, 4, 100));

        using var skeleton = JsonDocument.Parse(Golden.Read("lm-eval/mmlu-0.4.11-skeleton.json"));
        using var export = JsonDocument.Parse(LmEvalExport.ToText(results));
        JsonShape.AssertMatches(skeleton.RootElement, export.RootElement);
    }

    [Fact]
    public void The_mmlu_stderr_is_lm_evals_pooled_sample_stderr_over_the_57_subjects_not_the_4_groups()
    {
        // Question i of the j-th subject (alphabetically) is right when (7i + 3j) mod 10 < 2 + j mod 6. The expected values
        // come from lm-eval's formulas in Python (lm_eval/api/metrics.py): mean_stderr of each subject's 0/1 scores, then
        // aggregate_subtask_metrics and pooled_sample_stderr over the 57 (size-1)·stderr²·size terms, / (Σsize − 57), / Σsize, √.
        var sizes = TestSizes.Split(' ').Select(p => p.Split(':')).Select(p => (Subject: p[0], Size: int.Parse(p[1], CultureInfo.InvariantCulture))).ToList();
        var samples = new List<Sample>();
        foreach (var ((subject, size), j) in sizes.Select((s, j) => (s, j)))
        {
            for (var i = 0; i < size; i++)
            {
                var right = ((7 * i) + (3 * j)) % 10 < 2 + (j % 6);
                samples.Add(right ? SampleFactory.Right(subject, i) : SampleFactory.Wrong(subject, i));
            }
        }

        var results = Aggregator.Aggregate(samples, Description("harness"), new TimingStats(1, 1, 1));
        using var doc = JsonDocument.Parse(LmEvalExport.ToText(results));
        var mmlu = doc.RootElement.GetProperty("results").GetProperty("mmlu");

        Assert.Equal(14_042, results.Overall.N);
        Assert.Equal(0.4196695627403504, mmlu.GetProperty("acc,none").GetDouble(), 1e-12);
        Assert.Equal(0.0038900111009199856, mmlu.GetProperty("acc_stderr,none").GetDouble(), 1e-12);
        Assert.Equal(mmlu.GetRawText(), doc.RootElement.GetProperty("groups").GetProperty("mmlu").GetRawText());

        // Pooling the four group rows instead (what the export did before) gives 0.00389007134: 6e-8 off.
        var groups = LmEvalGroups.Build(results, LmEvalExport.DefaultBootstrapIters).Select(g => g.Group).ToList();
        Assert.Equal(0.0038900713379752963, LmEvalGroups.Pool("mmlu", "mmlu", groups).Stderr!.Value, 1e-12);
    }

    [Fact]
    public void With_a_limit_each_subject_keeps_its_size_as_original_and_config_limit_is_the_limit()
    {
        var plan = TestPlans.Build(new PlanRequest(SharedData.Mmlu, "test", 5, "original", ["anatomy", "virology"], Limit: 7));
        var description = new RunDescription(
            plan.Benchmark.Name, plan.Rendered.Split, plan.Rendered.Shots, plan.Rendered.Style, "letter", new ModelDescription("m", "/m.gguf", 1, "0"),
            new RunProvenance("0.1.0", plan.Rendered.Style, plan.Rendered.StyleVersion, "original", "mmlu run --limit 7", ReportFixture.Date, Limit: 7),
            plan.Rendered.Catalogue, plan.Rendered.SubjectSizes);
        var samples = plan.Questions.Select(q => q.Question.Index % 3 == 0 ? SampleFactory.Right(q.Question.Subject, q.Question.Index) : SampleFactory.Wrong(q.Question.Subject, q.Question.Index)).ToList();
        var results = Aggregator.Aggregate(samples, description, new TimingStats(1, 14, 1));
        Assert.Equal(135, results.Subjects["anatomy"].Available);

        using var doc = JsonDocument.Parse(LmEvalExport.ToText(results));
        var n = doc.RootElement.GetProperty("n-samples");
        Assert.Equal((135, 7), (n.GetProperty("mmlu_anatomy").GetProperty("original").GetInt32(), n.GetProperty("mmlu_anatomy").GetProperty("effective").GetInt32()));
        Assert.Equal((166, 7), (n.GetProperty("mmlu_virology").GetProperty("original").GetInt32(), n.GetProperty("mmlu_virology").GetProperty("effective").GetInt32()));
        Assert.Equal("7.0", doc.RootElement.GetProperty("config").GetProperty("limit").GetRawText());
    }

    [Fact]
    public void Bootstrap_iters_is_lm_evals_default_and_zero_writes_not_available_stderrs()
    {
        using var numeric = JsonDocument.Parse(LmEvalExport.ToText(ReportFixture.Results()));
        Assert.Equal(100_000, numeric.RootElement.GetProperty("config").GetProperty("bootstrap_iters").GetInt32());
        Assert.Equal(JsonValueKind.Number, numeric.RootElement.GetProperty("results").GetProperty("mmlu_virology").GetProperty("acc_stderr,none").ValueKind);

        using var none = JsonDocument.Parse(LmEvalExport.ToText(ReportFixture.Results(), bootstrapIters: 0));
        Assert.Equal(0, none.RootElement.GetProperty("config").GetProperty("bootstrap_iters").GetInt32());
        foreach (var task in new[] { "mmlu", "mmlu_stem", "mmlu_virology" })
        {
            Assert.Equal("N/A", none.RootElement.GetProperty("results").GetProperty(task).GetProperty("acc_stderr,none").GetString());
        }

        Assert.Equal(0.4, none.RootElement.GetProperty("results").GetProperty("mmlu").GetProperty("acc,none").GetDouble(), 12);
    }

    [Theory]
    [InlineData("original", "The following are multiple choice questions (with answers) about  abstract algebra.\n\n", "{{question}}\n")]
    [InlineData("harness", "The following are multiple choice questions (with answers) about abstract algebra.\n\n", "{{question.strip()}}\n")]
    public void Each_task_description_is_the_header_the_prompts_used(string style, string description, string docToText)
    {
        var plan = TestPlans.Build(new PlanRequest(SharedData.Mmlu, "test", 5, style, ["abstract_algebra"], Limit: 1));
        var results = ReportFixture.Results(
            [.. plan.Questions.Select(q => SampleFactory.Right(q.Question.Subject, q.Question.Index))], style: style);

        using var doc = JsonDocument.Parse(LmEvalExport.ToText(results));
        var config = doc.RootElement.GetProperty("configs").GetProperty("mmlu_abstract_algebra");
        Assert.Equal(description, config.GetProperty("description").GetString());
        Assert.StartsWith(description, plan.Questions[0].Prompt.Text, StringComparison.Ordinal);
        Assert.StartsWith(docToText, config.GetProperty("doc_to_text").GetString(), StringComparison.Ordinal);
        Assert.Equal(config.GetProperty("doc_to_text").GetString(), config.GetProperty("fewshot_config").GetProperty("doc_to_text").GetString());
    }

    [Fact]
    public void Model_args_are_a_dictionary_and_the_model_name_is_taken_from_them_as_lm_eval_does()
    {
        using var local = JsonDocument.Parse(LmEvalExport.ToText(ReportFixture.Results()));
        Assert.Equal("{\"pretrained\":\"/models/tiny.gguf\"}", Compact(local.RootElement.GetProperty("config").GetProperty("model_args")));
        Assert.Equal("/models/tiny.gguf", local.RootElement.GetProperty("model_name").GetString());
        Assert.Equal("__models__tiny.gguf", local.RootElement.GetProperty("model_name_sanitized").GetString());

        var results = ReportFixture.Results();
        var served = results with
        {
            Model = new ModelDescription("org/model:7b", null, null, null, new Dictionary<string, string>
            {
                ["endpoint"] = "http://127.0.0.1:8080/v1", ["api"] = "chat/completions", ["model"] = "org/model:7b",
            }),
        };
        using var doc = JsonDocument.Parse(LmEvalExport.ToText(served));
        var root = doc.RootElement;
        Assert.Equal("{\"model\":\"org/model:7b\",\"base_url\":\"http://127.0.0.1:8080/v1\"}", Compact(root.GetProperty("config").GetProperty("model_args")));
        Assert.Equal("org__model__7b", root.GetProperty("model_name_sanitized").GetString());
        Assert.False(root.GetProperty("fewshot_as_multiturn").GetBoolean());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("config").GetProperty("model_sha").ValueKind);
    }

    [Fact]
    public void The_export_groups_anatomy_under_stem_as_lm_eval_does()
    {
        var results = ReportFixture.Results();
        using var doc = JsonDocument.Parse(LmEvalExport.ToText(results));
        var root = doc.RootElement;
        var r = root.GetProperty("results");
        Assert.Equal(results.Overall.Accuracy, r.GetProperty("mmlu").GetProperty("acc,none").GetDouble(), 12);
        Assert.Equal(results.Subjects["virology"].Stderr, r.GetProperty("mmlu_virology").GetProperty("acc_stderr,none").GetDouble(), 12);

        var stem = root.GetProperty("group_subtasks").GetProperty("mmlu_stem").EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.Equal(["mmlu_abstract_algebra", "mmlu_anatomy", "mmlu_college_physics"], stem);
        Assert.Equal(["mmlu_stem", "mmlu_other", "mmlu_social_sciences", "mmlu_humanities"],
            root.GetProperty("group_subtasks").GetProperty("mmlu").EnumerateArray().Select(e => e.GetString()));

        // The fixture's run uses the original grouping (anatomy under "other"); lm-eval's mmlu_stem is recomputed.
        var stemN = new[] { "abstract_algebra", "anatomy", "college_physics" }.Sum(s => results.Subjects[s].N);
        var stemRight = new[] { "abstract_algebra", "anatomy", "college_physics" }.Sum(s => results.Subjects[s].Correct);
        Assert.Equal((double)stemRight / stemN, r.GetProperty("mmlu_stem").GetProperty("acc,none").GetDouble(), 12);
    }

    private static string Compact(JsonElement element) => JsonSerializer.Serialize(element);

    private static RunDescription Description(string style) =>
        new("mmlu", "test", 0, style, "letter", new ModelDescription("m", null, null, null),
            new RunProvenance("0.1.0", style, 1, "original", "mmlu run", ReportFixture.Date));
}
