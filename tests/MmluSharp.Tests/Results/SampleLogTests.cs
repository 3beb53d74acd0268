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
}
