using System.Formats.Tar;
using MmluSharp.Datasets;
using MmluSharp.Datasets.Download;
using MmluSharp.Testing;
using MmluSharp.Tests.Datasets;

namespace MmluSharp.Tests.Download;

public sealed class ArchiveTests : IAsyncLifetime, IDisposable
{
    private readonly DownloadFixture fixture = new();
    private FileServer server = null!;

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

    public async Task InitializeAsync() => server = await FileServer.StartAsync();

    private static UnpackBudget Budget() => new(UnpackLimit.For(DatasetCatalogue.Get("mmlu"), null));

    public async Task DisposeAsync() => await server.DisposeAsync();

    public void Dispose() => fixture.Dispose();

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
        server.Files["evil.tar"] = Archives.TarWith(Bad(kind, name));

        var e = await Assert.ThrowsAsync<DatasetException>(() => fixture.DownloadAsync("mmlu", server.Url("evil.tar")));

        Assert.Equal($"{server.Url("evil.tar")}: {message}; nothing was kept", e.Message);
        Assert.Equal(["cache"], fixture.Everything());
        Assert.False(File.Exists("/tmp/mmlu-absolute-evil"));
        Assert.False(File.Exists(Path.Combine(Path.GetDirectoryName(fixture.Outside)!, "evil")));
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
        server.Files["evil.zip"] = Archives.ZipWith("../../evil.txt", "evil");

        var e = await Assert.ThrowsAsync<DatasetException>(() => fixture.DownloadAsync("cmmlu", server.Url("evil.zip")));

        Assert.Equal($"{server.Url("evil.zip")}: refused archive entry '../../evil.txt': it escapes the target folder; nothing was kept", e.Message);
        Assert.Equal(["cache"], fixture.Everything());
    }

    [Fact]
    public async Task Something_that_is_not_an_archive_is_named()
    {
        server.Files["data.tar"] = "<html>not here</html>"u8.ToArray();

        var e = await Assert.ThrowsAsync<DatasetException>(() => fixture.DownloadAsync("mmlu", server.Url("data.tar")));

        Assert.StartsWith($"{server.Url("data.tar")}: not a readable tar, tar.gz or zip archive", e.Message, StringComparison.Ordinal);
        Assert.Equal(["cache"], fixture.Everything());
    }

    [Theory]
    [InlineData(false, "data.tar")]
    [InlineData(true, "data.tar.gz")]
    public async Task The_original_data_tar_layout_unpacks_to_a_readable_folder(bool gzip, string file)
    {
        server.Files[file] = Archives.TarOf(SharedData.Mmlu, "data", gzip);

        var result = await fixture.DownloadAsync("mmlu", server.Url(file));

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
        server.Files["other.tar"] = Archives.TarWith(Archives.File("data/notes.txt", "hello"));

        var e = await Assert.ThrowsAsync<DatasetException>(() => fixture.DownloadAsync("mmlu", server.Url("other.tar")));

        Assert.Equal($"{server.Url("other.tar")}: the data does not have the mmlu layout (dev/, val/, test/ with <subject>_<split>.csv): missing val, test", e.Message);
        Assert.Equal(["cache"], fixture.Everything());
    }
}
