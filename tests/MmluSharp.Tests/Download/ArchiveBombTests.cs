using MmluSharp.Datasets;
using MmluSharp.Datasets.Download;
using MmluSharp.Testing;
using MmluSharp.Tests.Datasets;
using Parquet.Serialization;

namespace MmluSharp.Tests.Download;

/// <summary>
/// Archives and parquet files that unpack to far more than a dataset: refused with one line naming them, nothing
/// installed, and never written out in full (the archives here stand for 60 MiB to 100 MiB and take under 1 MB).
/// </summary>
public sealed class ArchiveBombTests : DownloadServerTests
{
    private const long MiB = 1 << 20;

    [Fact]
    public async Task A_gzip_tar_bomb_is_refused_by_the_compression_ratio_before_it_fills_the_disk()
    {
        // 64 files of 1 MiB zeros from about 70 KB: each fits alone, so the count of bytes written stops it at 100:1.
        var bomb = Archives.GzipTarOfZeros(64, (int)MiB);
        Server.Files["bomb.tar.gz"] = bomb;

        var e = await RefusedAsync(() => Fixture.DownloadAsync("mmlu", Server.Url("bomb.tar.gz")));

        Assert.True(bomb.Length < MiB, $"the bomb is {bomb.Length} bytes");
        Assert.Equal(
            $"{Server.Url("bomb.tar.gz")}: refused: it unpacks to more than 100 times its own {UnpackLimit.Mib(bomb.Length)}, as a compression bomb does (if it is genuine, set MaxUnpackedBytes); nothing was kept",
            e.Message);
    }

    [Fact]
    public async Task A_zip_bomb_is_refused_from_its_declared_sizes_before_anything_is_written()
    {
        var bomb = Archives.ZipOfZeros("cmmlu/dev/agronomy.csv", 60 * MiB);
        Server.Files["cmmlu.zip"] = bomb;

        var e = await RefusedAsync(() => Fixture.DownloadAsync("cmmlu", Server.Url("cmmlu.zip")));

        Assert.StartsWith($"{Server.Url("cmmlu.zip")}: refused: it unpacks to more than 100 times its own ", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_archive_within_the_ratio_but_beyond_the_datasets_cap_is_refused_naming_the_cap()
    {
        // 1 MB of noise, then a header declaring 80 MiB: within 100:1 (100 MB), beyond CMMLU's 64 MiB cap.
        var tar = Archives.TarDeclaring(Archives.Noise(1_000_000), 80 * MiB);
        Server.Files["cmmlu.tar"] = tar;

        var e = await RefusedAsync(() => Fixture.DownloadAsync("cmmlu", Server.Url("cmmlu.tar")));

        Assert.Equal(
            $"{Server.Url("cmmlu.tar")}: refused: the data unpacks to more than 64.0 MiB, the cap for cmmlu, 10× the 2.4 MiB it usually unpacks to; raise it with MaxUnpackedBytes; nothing was kept",
            e.Message);
    }

    [Fact]
    public async Task Hard_links_copied_over_and_over_count_against_the_cap()
    {
        // One 1 MiB file and 8 hard links to it: 9 MiB unpacked from a 1 MiB tar, more than the 4 MiB asked for.
        using var buffer = new MemoryStream();
        using (var writer = new System.Formats.Tar.TarWriter(buffer, System.Formats.Tar.TarEntryFormat.Pax, leaveOpen: true))
        {
            writer.WriteEntry(new System.Formats.Tar.PaxTarEntry(System.Formats.Tar.TarEntryType.RegularFile, "data/dev/a.csv") { DataStream = new MemoryStream(Archives.Noise((int)MiB)) });
            for (var i = 0; i < 8; i++)
            {
                writer.WriteEntry(Archives.Link(System.Formats.Tar.TarEntryType.HardLink, $"data/dev/link{i}.csv", "data/dev/a.csv"));
            }
        }

        Server.Files["links.tar"] = buffer.ToArray();

        var e = await RefusedAsync(() => Fixture.Downloader.DownloadAsync(
            new DownloadRequest("mmlu", Fixture.FolderOf("mmlu"), Server.Url("links.tar"), MaxUnpackedBytes: 4 * MiB)));

        Assert.Equal(
            $"{Server.Url("links.tar")}: refused: the data unpacks to more than 4.0 MiB, the cap set by MaxUnpackedBytes; nothing was kept",
            e.Message);
    }

    [Fact]
    public async Task A_user_cap_lifts_the_ratio_cap_so_a_genuine_but_very_compressible_archive_installs()
    {
        // One subject's three CSVs and a 20 MiB run of zeros: over 100:1, so a bomb by default, fine under a 100 MiB cap.
        using var temp = new TempFolder();
        foreach (var split in new[] { "dev", "val", "test" })
        {
            Directory.CreateDirectory(Path.Combine(temp.Path, split));
            File.Copy(Path.Combine(SharedData.Mmlu, split, $"anatomy_{split}.csv"), Path.Combine(temp.Path, split, $"anatomy_{split}.csv"));
        }

        await using (var zeros = File.Create(Path.Combine(temp.Path, "padding.txt")))
        {
            zeros.SetLength(20 * MiB);
        }

        Server.Files["data.tar.gz"] = Archives.TarOf(temp.Path, "data", gzip: true, System.IO.Compression.CompressionLevel.Optimal);

        var e = await RefusedAsync(() => Fixture.DownloadAsync("mmlu", Server.Url("data.tar.gz")));
        Assert.Contains("as a compression bomb does", e.Message, StringComparison.Ordinal);
        var result = await Fixture.Downloader.DownloadAsync(
            new DownloadRequest("mmlu", Fixture.FolderOf("mmlu"), Server.Url("data.tar.gz"), MaxUnpackedBytes: 100 * MiB));

        Assert.Equal(135, new MmluDirectory(result.Folder).ReadSplit("test").Count);
    }

    [Fact]
    public async Task A_parquet_file_that_unpacks_beyond_the_ratio_is_refused_before_its_CSV_fills_the_disk()
    {
        // 10,000 rows of one 2 KB question: a small gzip-compressed file, 20 MB as CSV.
        var question = string.Concat(Enumerable.Repeat("Which of these is repeated? ", 75));
        var rows = Enumerable.Range(0, 10_000).Select(_ => new HfMmluRow { Question = question, Subject = "anatomy", Choices = ["a", "b", "c", "d"], Answer = 0 });
        using var stream = new MemoryStream();
        await ParquetSerializer.SerializeAsync(rows, stream, new Parquet.ParquetOptions { CompressionMethod = Parquet.CompressionMethod.Gzip });
        foreach (var split in new[] { "dev", "validation", "test" })
        {
            Server.Files[$"cais/mmlu/all/{split}-00000-of-00001.parquet"] = stream.ToArray();
        }

        var e = await RefusedAsync(() => Fixture.DownloadAsync("mmlu", Server.Url("cais/mmlu")));

        Assert.True(stream.Length < MiB, $"the parquet file is {stream.Length} bytes");
        Assert.StartsWith($"{Server.Url("cais/mmlu/all/dev-00000-of-00001.parquet")}: refused: it unpacks to more than 100 times its own ", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Writes_are_counted_before_they_are_made_so_a_lying_header_stops_at_the_cap()
    {
        using var temp = new TempFolder();
        var budget = new UnpackBudget(new UnpackLimit(3 * MiB, null, $"the test's cap")).Start("lies.zip", 1000);
        var path = Path.Combine(temp.Path, "out.csv");

        var e = Assert.Throws<DatasetException>(() =>
        {
            using var output = budget.Create(path);
            var chunk = new byte[MiB / 2];
            for (var i = 0; i < 100; i++)
            {
                output.Write(chunk);
            }
        });

        Assert.Equal("lies.zip: refused: the data unpacks to more than 3.0 MiB, the test's cap; nothing was kept", e.Message);
        Assert.Equal(3 * MiB, new FileInfo(path).Length);
        Assert.Equal(3 * MiB, budget.Spent);
    }

    [Theory]
    [InlineData("500M", 500 * MiB)]
    [InlineData("4G", 4096 * MiB)]
    [InlineData("1.5GiB", 1536 * MiB)]
    [InlineData("65536", 65536)]
    [InlineData("2kb", 2048)]
    public void Sizes_are_read_as_people_write_them(string text, long bytes)
    {
        Assert.True(ByteSize.TryParse(text, out var parsed));
        Assert.Equal(bytes, parsed);
    }

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("-5M")]
    [InlineData("0")]
    [InlineData("99999999999T")]
    public void Anything_else_is_not_a_size(string text) => Assert.False(ByteSize.TryParse(text, out _));
}
