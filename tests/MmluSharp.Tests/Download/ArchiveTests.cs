using System.Formats.Tar;
using MmluSharp.Datasets;
using MmluSharp.Datasets.Download;
using MmluSharp.Testing;
using MmluSharp.Tests.Datasets;

namespace MmluSharp.Tests.Download;

public sealed class ArchiveTests : DownloadServerTests
{

    public static TheoryData<string, string, string> BadEntries => new()
    {
        { "file", "../evil", "refused archive entry '../evil': it escapes the target folder" },
        { "file", "data/../../../evil", "refused archive entry 'data/../../../evil': it escapes the target folder" },
        { "file", "/tmp/mmlu-absolute-evil", "refused archive entry '/tmp/mmlu-absolute-evil': an absolute path" },
        { "symlink", "data/passwd", "refused archive entry 'data/passwd': a symbolic link to the absolute path /etc/passwd" },
        { "symlink-up", "data/up", "refused archive entry 'data/up': a symbolic link to ../../evil, outside the target folder" },
        { "hardlink", "data/hard", "refused archive entry 'data/hard': a link to ../evil, outside the target folder" },
        { "fifo", "data/pipe", "refused archive entry 'data/pipe': unsupported entry type Fifo" },
    };

    private static UnpackBudget Budget() => new(UnpackLimit.For(Sources.Get("mmlu"), null));

    private static TarEntry Bad(string kind, string name) => kind switch
    {
        "file" => Archives.File(name, "evil"),
        "symlink" => Archives.Link(TarEntryType.SymbolicLink, name, "/etc/passwd"),
        "symlink-up" => Archives.Link(TarEntryType.SymbolicLink, name, "../../evil"),
        "hardlink" => Archives.Link(TarEntryType.HardLink, name, "../evil"),
        _ => new PaxTarEntry(TarEntryType.Fifo, name),
    };

    [Theory]
    [MemberData(nameof(BadEntries))]
    public async Task A_tar_with_an_unsafe_entry_is_refused_and_nothing_is_written(string kind, string name, string message)
    {
        Server.Files["evil.tar"] = Archives.TarWith(Bad(kind, name));

        var e = await Assert.ThrowsAsync<DatasetException>(() => Fixture.DownloadAsync("mmlu", Server.Url("evil.tar")));

        Assert.Equal($"{Server.Url("evil.tar")}: {message}; nothing was kept", e.Message);
        Assert.Equal(["cache"], Fixture.Everything());
        Assert.False(File.Exists("/tmp/mmlu-absolute-evil"));
        Assert.False(File.Exists(Path.Combine(Path.GetDirectoryName(Fixture.Outside)!, "evil")));
    }

    [Fact]
    public void Extracting_directly_refuses_an_escape_before_writing_it()
    {
        using var temp = new TempFolder();
        var archive = temp.WriteBytes("evil.tar", Archives.TarWith(Bad("file", "../evil")));

        var e = Assert.Throws<DatasetException>(() => ArchiveExtractor.Extract(archive, Path.Combine(temp.Path, "out"), "evil.tar", Budget()));

        Assert.Contains("'../evil'", e.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(temp.Path, "evil")));
        Assert.True(File.Exists(Path.Combine(temp.Path, "out", "data", "dev", "anatomy_dev.csv")));
    }

    [Fact]
    public void A_link_inside_the_folder_becomes_a_copy()
    {
        using var temp = new TempFolder();
        using var buffer = new MemoryStream();
        using (var writer = new TarWriter(buffer, TarEntryFormat.Pax, leaveOpen: true))
        {
            writer.WriteEntry(Archives.File("data/a.csv", "x"));
            writer.WriteEntry(Archives.Link(TarEntryType.SymbolicLink, "data/sub/b.csv", "../a.csv"));
            writer.WriteEntry(Archives.Link(TarEntryType.HardLink, "data/c.csv", "data/a.csv"));
        }

        var archive = temp.WriteBytes("ok.tar", buffer.ToArray());
        ArchiveExtractor.Extract(archive, Path.Combine(temp.Path, "out"), "ok.tar", Budget());

        Assert.Equal("x", File.ReadAllText(Path.Combine(temp.Path, "out", "data", "sub", "b.csv")));
        Assert.Equal("x", File.ReadAllText(Path.Combine(temp.Path, "out", "data", "c.csv")));
        Assert.Null(new FileInfo(Path.Combine(temp.Path, "out", "data", "sub", "b.csv")).LinkTarget);
    }

    [Fact]
    public async Task A_zip_entry_that_escapes_is_refused()
    {
        Server.Files["evil.zip"] = Archives.ZipWith("../../evil.txt", "evil");

        var e = await Assert.ThrowsAsync<DatasetException>(() => Fixture.DownloadAsync("cmmlu", Server.Url("evil.zip")));

        Assert.Equal($"{Server.Url("evil.zip")}: refused archive entry '../../evil.txt': it escapes the target folder; nothing was kept", e.Message);
        Assert.Equal(["cache"], Fixture.Everything());
    }

    [Fact]
    public async Task Something_that_is_not_an_archive_is_named()
    {
        Server.Files["data.tar"] = "<html>not here</html>"u8.ToArray();

        var e = await Assert.ThrowsAsync<DatasetException>(() => Fixture.DownloadAsync("mmlu", Server.Url("data.tar")));

        Assert.StartsWith($"{Server.Url("data.tar")}: not a readable tar, tar.gz or zip archive", e.Message, StringComparison.Ordinal);
        Assert.Equal(["cache"], Fixture.Everything());
    }

    [Theory]
    [InlineData(false, "data.tar")]
    [InlineData(true, "data.tar.gz")]
    public async Task The_original_data_tar_layout_unpacks_to_a_readable_folder(bool gzip, string file)
    {
        Server.Files[file] = Archives.TarOf(SharedData.Mmlu, "data", gzip);

        var result = await Fixture.DownloadAsync("mmlu", Server.Url(file));

        var original = new MmluDirectory(SharedData.Mmlu);
        var downloaded = new MmluDirectory(result.Folder);
        foreach (var split in new[] { "dev", "val", "test" })
        {
            Assert.Equal(original.ReadSplit(split), downloaded.ReadSplit(split), QuestionComparer.Instance);
        }

        Assert.Single(result.Manifest.Downloads);
        Assert.False(result.Manifest.Downloads[0].Verified);
        Assert.Contains(result.Manifest.Files, f => f.Path == "README.txt");
    }

    [Fact]
    public async Task An_archive_without_the_layout_is_refused()
    {
        Server.Files["other.tar"] = Archives.TarWith(Archives.File("data/notes.txt", "hello"));

        var e = await Assert.ThrowsAsync<DatasetException>(() => Fixture.DownloadAsync("mmlu", Server.Url("other.tar")));

        Assert.Equal($"{Server.Url("other.tar")}: the data does not have the mmlu layout (dev/, val/, test/ with <subject>_<split>.csv): missing val, test", e.Message);
        Assert.Equal(["cache"], Fixture.Everything());
    }
}
