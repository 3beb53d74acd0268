using System.Text.Json;
using MmluSharp.Reports;
using MmluSharp.Testing;

namespace MmluSharp.Tests.Reports;

public class LmEvalExportTests
{
    [Fact]
    public void The_lm_eval_export_of_the_fixed_run_matches_its_golden()
    {
        Golden.Verify("reports/lm-eval-results.json", LmEvalExport.ToText(ReportFixture.Results()));
    }

    [Fact]
    public void The_export_has_lm_evals_sections_and_groups_anatomy_under_stem()
    {
        var results = ReportFixture.Results();
        using var doc = JsonDocument.Parse(LmEvalExport.ToText(results));
        var root = doc.RootElement;
        foreach (var section in new[] { "results", "groups", "group_subtasks", "configs", "versions", "n-shot", "higher_is_better", "n-samples", "config" })
        {
            Assert.True(root.TryGetProperty(section, out _), section);
        }

        var r = root.GetProperty("results");
        Assert.Equal(results.Overall.Accuracy, r.GetProperty("mmlu").GetProperty("acc,none").GetDouble(), 12);
        Assert.Equal(results.Subjects["virology"].Accuracy, r.GetProperty("mmlu_virology").GetProperty("acc,none").GetDouble(), 12);
        Assert.Equal(results.Subjects["virology"].Stderr, r.GetProperty("mmlu_virology").GetProperty("acc_stderr,none").GetDouble(), 12);
        Assert.Equal(" - social sciences", r.GetProperty("mmlu_social_sciences").GetProperty("alias").GetString());

        var stem = root.GetProperty("group_subtasks").GetProperty("mmlu_stem").EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.Equal(["mmlu_abstract_algebra", "mmlu_anatomy", "mmlu_college_physics"], stem);
        Assert.Equal(["mmlu_stem", "mmlu_other", "mmlu_social_sciences", "mmlu_humanities"],
            root.GetProperty("group_subtasks").GetProperty("mmlu").EnumerateArray().Select(e => e.GetString()));

        // The fixture's run uses the original grouping (anatomy under "other"); lm-eval's mmlu_stem is recomputed.
        var stemN = new[] { "abstract_algebra", "anatomy", "college_physics" }.Sum(s => results.Subjects[s].N);
        var stemRight = new[] { "abstract_algebra", "anatomy", "college_physics" }.Sum(s => results.Subjects[s].Correct);
        Assert.Equal((double)stemRight / stemN, r.GetProperty("mmlu_stem").GetProperty("acc,none").GetDouble(), 12);
        Assert.Equal(5, root.GetProperty("n-shot").GetProperty("mmlu_anatomy").GetInt32());
        Assert.Equal(40, root.GetProperty("n-samples").GetProperty("mmlu_anatomy").GetProperty("effective").GetInt32());
        Assert.True(root.GetProperty("higher_is_better").GetProperty("mmlu").GetProperty("acc").GetBoolean());
        Assert.Equal("1.0", root.GetProperty("versions").GetProperty("mmlu_anatomy").GetRawText());
    }
}
