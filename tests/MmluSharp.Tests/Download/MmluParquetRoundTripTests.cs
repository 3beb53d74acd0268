using MmluSharp.Datasets;
using MmluSharp.Testing;
using MmluSharp.Tests.Datasets;
using Parquet.Serialization;

namespace MmluSharp.Tests.Download;

public sealed class MmluParquetRoundTripTests : DownloadServerTests
{
    private static readonly (string Split, string HfSplit)[] Splits = [("dev", "dev"), ("val", "validation"), ("test", "test")];

    [Fact]
    public async Task The_cais_mmlu_parquet_files_become_the_original_layout_with_every_question_equal()
    {
        var original = new MmluDirectory(SharedData.Mmlu);
        foreach (var (split, hfSplit) in Splits)
        {
            var rows = original.ReadSplit(split).Select(q => new HfMmluRow { Question = q.Text, Subject = q.Subject, Choices = [.. q.Choices], Answer = q.AnswerIndex });
            using var stream = new MemoryStream();
            await ParquetSerializer.SerializeAsync(rows, stream);
            Server.Files[$"cais/mmlu/all/{hfSplit}-00000-of-00001.parquet"] = stream.ToArray();
        }

        var result = await Fixture.DownloadAsync("mmlu", Server.Url("cais/mmlu"));

        var downloaded = new MmluDirectory(result.Folder);
        Assert.Equal(["dev", "val", "test"], downloaded.Splits);
        foreach (var (split, _) in Splits)
        {
            Assert.Equal(57, downloaded.Subjects(split).Count);
            Assert.Equal(original.ReadSplit(split), downloaded.ReadSplit(split), QuestionComparer.Instance);
        }

        Assert.Equal(3, result.Manifest.Downloads.Count);
        Assert.All(result.Manifest.Downloads, d => Assert.False(d.Verified));
        Assert.Equal(57 * 3, result.Manifest.Files.Count);
        Assert.DoesNotContain(result.Manifest.Files, f => f.Path.EndsWith(".parquet", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_subject_that_is_not_a_plain_name_is_refused()
    {
        HfMmluRow[] rows = [new() { Question = "Q", Subject = "../../evil", Choices = ["a", "b", "c", "d"], Answer = 0 }];
        using var stream = new MemoryStream();
        await ParquetSerializer.SerializeAsync(rows, stream);
        foreach (var (_, hfSplit) in Splits)
        {
            Server.Files[$"cais/mmlu/all/{hfSplit}-00000-of-00001.parquet"] = stream.ToArray();
        }

        var e = await Assert.ThrowsAsync<DatasetException>(() => Fixture.DownloadAsync("mmlu", Server.Url("cais/mmlu/")));

        Assert.EndsWith("subject '../../evil' is not a plain name (a-z, 0-9, _)", e.Message, StringComparison.Ordinal);
        Assert.Equal(["cache"], Fixture.Everything());
    }
}
