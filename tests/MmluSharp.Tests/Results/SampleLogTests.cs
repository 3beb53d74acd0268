using System.Text;
using MmluSharp.Results;

namespace MmluSharp.Tests.Results;

public class SampleLogTests
{
    [Fact]
    public void Appended_samples_are_read_back_exactly()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("mmlu-log").FullName, "samples.jsonl");
        var sample = SampleFactory.Right("anatomy", 3);
        using (var log = SampleLog.Open(path))
        {
            log.Append([sample, SampleFactory.Wrong("anatomy", 4)]);
        }

        var read = SampleLog.ReadAll(path);
        Assert.Equal(2, read.Count);
        Assert.Equal(sample.LogProbs, read[0].LogProbs);
        Assert.Equal(sample with { LogProbs = read[0].LogProbs }, read[0]);
        Assert.StartsWith("{\"subject\":\"anatomy\",\"index\":3,\"gold\":\"A\",\"pred\":\"A\",\"correct\":true,\"logprobs\":{\"A\":", File.ReadAllText(path), StringComparison.Ordinal);
    }

    [Fact]
    public void Truncated_tokens_are_written_only_for_a_left_truncated_sample_and_read_back()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("mmlu-log").FullName, "samples.jsonl");
        var cut = SampleFactory.Right("professional_law", 245) with { ShotsUsed = 0, TruncatedTokens = 170 };
        using (var log = SampleLog.Open(path))
        {
            log.Append([cut, SampleFactory.Wrong("professional_law", 246)]);
        }

        var lines = File.ReadAllLines(path);
        Assert.Contains(",\"shots_used\":0,\"truncated_tokens\":170,\"prompt_sha256\":", lines[0], StringComparison.Ordinal);
        Assert.DoesNotContain("truncated_tokens", lines[1], StringComparison.Ordinal);
        var read = SampleLog.ReadAll(path);
        Assert.Equal([170, 0], read.Select(s => s.TruncatedTokens));
    }

    [Fact]
    public void A_torn_last_line_from_a_killed_run_is_dropped_and_the_log_continues_cleanly()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("mmlu-log").FullName, "samples.jsonl");
        using (var log = SampleLog.Open(path))
        {
            log.Append([SampleFactory.Right("anatomy", 0)]);
        }

        File.AppendAllText(path, "{\"subject\":\"anatomy\",\"index\":1,\"go", Encoding.UTF8);
        using (var log = SampleLog.Open(path))
        {
            Assert.Single(log.Existing);
            log.Append([SampleFactory.Right("anatomy", 1)]);
        }

        Assert.Equal([0, 1], SampleLog.ReadAll(path).Select(s => s.Index));
    }

    [Fact]
    public void A_damaged_complete_line_is_reported_with_its_line_and_nothing_is_dropped()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("mmlu-log").FullName, "samples.jsonl");
        using (var log = SampleLog.Open(path))
        {
            log.Append([SampleFactory.Right("anatomy", 0)]);
        }

        var first = File.ReadAllText(path);
        File.AppendAllText(path, "{\"subject\":\"anatomy\",\"index\":1.5}\n" + first.Replace("\"index\":0", "\"index\":2", StringComparison.Ordinal), Encoding.UTF8);

        var length = new FileInfo(path).Length;
        var error = Assert.Throws<InvalidDataException>(() => SampleLog.Open(path));
        Assert.Contains("samples.jsonl:2:", error.Message, StringComparison.Ordinal);
        Assert.Equal(length, new FileInfo(path).Length);
    }

    [Fact]
    public void Minus_infinity_is_written_as_the_string_minus_Infinity_and_read_back()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("mmlu-log").FullName, "samples.jsonl");
        var sample = SampleFactory.Right("anatomy", 0) with
        {
            LogProbs = new Dictionary<string, double>(StringComparer.Ordinal) { ["A"] = -0.5, ["B"] = double.NegativeInfinity, ["C"] = -100, ["D"] = -100 },
            Floored = ["C", "D"],
        };
        using (var log = SampleLog.Open(path))
        {
            log.Append([sample]);
        }

        Assert.Contains("\"logprobs\":{\"A\":-0.5,\"B\":\"-Infinity\",\"C\":-100,\"D\":-100},\"floored\":[\"C\",\"D\"]", File.ReadAllText(path), StringComparison.Ordinal);
        var read = Assert.Single(SampleLog.ReadAll(path));
        Assert.Equal(sample.LogProbs, read.LogProbs);
        Assert.Equal(["C", "D"], read.Floored!);
        Assert.Equal(2, read.FlooredCount);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void A_NaN_or_plus_infinity_log_probability_appends_nothing_and_names_the_sample(double value)
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("mmlu-log").FullName, "samples.jsonl");
        var bad = SampleFactory.Right("anatomy", 7) with
        {
            LogProbs = new Dictionary<string, double>(StringComparer.Ordinal) { ["A"] = -0.5, ["B"] = value },
        };
        using (var log = SampleLog.Open(path))
        {
            log.Append([SampleFactory.Right("anatomy", 0)]);
            var length = new FileInfo(path).Length;
            var error = Assert.Throws<InvalidDataException>(() => log.Append([SampleFactory.Right("anatomy", 1), bad]));
            Assert.StartsWith("anatomy #7: the log-probability of B is ", error.Message, StringComparison.Ordinal);
            Assert.Equal(length, new FileInfo(path).Length);
            log.Append([SampleFactory.Right("anatomy", 2)]);
        }

        Assert.Equal([0, 2], SampleLog.ReadAll(path).Select(s => s.Index));
    }

    [Fact]
    public void A_logprob_string_other_than_minus_Infinity_is_damage_named_by_line()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("mmlu-log").FullName, "samples.jsonl");
        File.WriteAllText(path, "{\"subject\":\"anatomy\",\"index\":0,\"gold\":\"A\",\"pred\":\"A\",\"correct\":true,\"logprobs\":{\"A\":\"NaN\"},\"shots_used\":0,\"prompt_sha256\":\"0\"}\n");

        var error = Assert.Throws<InvalidDataException>(() => SampleLog.ReadAll(path));

        Assert.Contains("samples.jsonl:1: not a sample", error.Message, StringComparison.Ordinal);
    }
}
