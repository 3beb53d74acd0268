using System.Diagnostics;
using MmluSharp.Datasets;
using MmluSharp.Datasets.Download;
using MmluSharp.Testing;

namespace MmluSharp.Tests.Download;

/// <summary>
/// What a download may delete: its own stale scratch folders (never a live download's, never anything else) and the
/// files its manifest says it wrote (never a file it did not write).
/// </summary>
public sealed class DownloadFolderTests : DownloadServerTests
{
    private const string Guid32 = "0123456789abcdef0123456789abcdef";

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await ServeMmluProAsync();
    }

    [Fact]
    public async Task Stale_scratch_of_our_naming_is_removed_and_everything_else_beside_it_is_left()
    {
        var dead = await DeadProcessIdAsync();
        var outside = Path.Combine(Fixture.Outside, "outside");
        Directory.CreateDirectory(outside);
        await File.WriteAllTextAsync(Path.Combine(outside, "precious.txt"), "keep");
        var stale = new[]
        {
            Scratch($".mmlu-pro.partial-{dead}-{Guid32}", withLock: true),         // its process is gone
            Scratch($".mmlu-pro.partial-{dead}-{Guid32.Replace('0', 'f')}", withLock: false),
            Scratch($".mmlu-pro.partial-1-{Guid32}", withLock: true),              // pid reused: the lock is free
            Scratch($".mmlu-pro.partial-{Guid32}", withLock: false),               // made by a version without locks
        };
        var kept = new[]
        {
            Scratch($".mmlu-pro.partial-1-{Guid32.Replace('1', 'e')}", withLock: false), // alive, lock not made yet
            Scratch(".mmlu-pro.partial-notes", withLock: false),
            Scratch($".mmlu.partial-{dead}-{Guid32}", withLock: true),             // another dataset's
            Scratch($"mmlu-pro.partial-{dead}-{Guid32}", withLock: true),          // not hidden: not our naming
        };
        var link = Path.Combine(Fixture.Cache, $".mmlu-pro.partial-{dead}-{Guid32.Replace('2', 'd')}");
        Directory.CreateSymbolicLink(link, outside);

        await Fixture.DownloadAsync("mmlu-pro", ProBase);

        Assert.All(stale, s => Assert.False(Directory.Exists(s), s));
        Assert.All(kept, k => Assert.True(Directory.Exists(k), k));
        Assert.True(Directory.Exists(link));
        Assert.Equal("keep", await File.ReadAllTextAsync(Path.Combine(outside, "precious.txt")));
        Assert.NotNull(DatasetCache.Find(Fixture.Cache, "mmlu-pro"));
    }

    [Fact]
    public void A_live_downloads_scratch_is_left_alone_and_its_own_disposal_removes_it()
    {
        var target = Fixture.FolderOf("mmlu");
        Directory.CreateDirectory(Fixture.Cache);
        string path;
        using (var live = ScratchFolder.Create(target))
        {
            path = live.Path;
            Assert.StartsWith($".mmlu.partial-{Environment.ProcessId}-", Path.GetFileName(path), StringComparison.Ordinal);

            Assert.Empty(ScratchFolder.RemoveStale(target));
            Assert.True(Directory.Exists(path));
        }

        Assert.False(Directory.Exists(path));
    }

    [Fact]
    public async Task Force_replaces_only_the_files_the_manifest_lists_and_keeps_the_users_own()
    {
        var folder = Fixture.FolderOf("mmlu-pro");
        await Fixture.DownloadAsync("mmlu-pro", ProBase);
        await File.WriteAllTextAsync(Path.Combine(folder, "notes.txt"), "mine");
        await File.WriteAllTextAsync(Path.Combine(folder, "data", "my-split.jsonl"), "mine too");
        var test = Path.Combine(folder, "data", "test-00000-of-00001.parquet");
        await File.WriteAllTextAsync(test, "edited by hand");

        var forced = await Fixture.DownloadAsync("mmlu-pro", ProBase, force: true);

        Assert.False(forced.AlreadyPresent);
        Assert.Equal("mine", await File.ReadAllTextAsync(Path.Combine(folder, "notes.txt")));
        Assert.Equal("mine too", await File.ReadAllTextAsync(Path.Combine(folder, "data", "my-split.jsonl")));
        Assert.Equal(await File.ReadAllBytesAsync(SharedData.Dataset("mmlu-pro", "parquet", "test-00000-of-00001.parquet")), await File.ReadAllBytesAsync(test));
        Assert.Equal(2, DownloadManifest.ReadFrom(folder).Files.Count);
        Assert.False(File.Exists(Path.Combine(folder, InstallJournal.FileName)));
    }

    [Fact]
    public async Task A_dataset_file_that_would_land_on_a_file_mmlu_did_not_write_is_refused_and_nothing_changes()
    {
        var folder = Fixture.FolderOf("mmlu-pro");
        Directory.CreateDirectory(Path.Combine(folder, "data"));
        var theirs = Path.Combine(folder, "data", "validation-00000-of-00001.parquet");
        await File.WriteAllTextAsync(theirs, "someone else's");

        var e = await Assert.ThrowsAsync<DatasetException>(() => Fixture.DownloadAsync("mmlu-pro", ProBase, force: true));

        Assert.Equal($"{theirs}: exists and was not written by mmlu; move it away or download to another folder (Target)", e.Message);
        Assert.Equal("someone else's", await File.ReadAllTextAsync(theirs));
        Assert.Equal(["cache", "cache/mmlu-pro", "cache/mmlu-pro/data", "cache/mmlu-pro/data/validation-00000-of-00001.parquet"], Fixture.Everything().Select(p => p.Replace('\\', '/')));
    }

    [Fact]
    public async Task A_manifest_listing_paths_outside_its_folder_or_through_a_link_deletes_nothing_there()
    {
        var folder = Fixture.FolderOf("mmlu-pro");
        await Fixture.DownloadAsync("mmlu-pro", ProBase);
        var victim = Path.Combine(Fixture.Outside, "victim.txt");
        await File.WriteAllTextAsync(victim, "not mmlu's");
        var elsewhere = Path.Combine(Fixture.Outside, "elsewhere");
        Directory.CreateDirectory(elsewhere);
        await File.WriteAllTextAsync(Path.Combine(elsewhere, "x.csv"), "not mmlu's either");
        Directory.CreateSymbolicLink(Path.Combine(folder, "linked"), elsewhere);
        var manifest = DownloadManifest.ReadFrom(folder);
        (manifest with { Files = [.. manifest.Files, new ManifestFile("../../victim.txt", 1, "00"), new ManifestFile("linked/x.csv", 1, "00")] }).WriteTo(folder);

        await Fixture.DownloadAsync("mmlu-pro", ProBase, force: true);

        Assert.Equal("not mmlu's", await File.ReadAllTextAsync(victim));
        Assert.Equal("not mmlu's either", await File.ReadAllTextAsync(Path.Combine(elsewhere, "x.csv")));
        Assert.Equal(2, DownloadManifest.ReadFrom(folder).Files.Count);
    }

    [Fact]
    public async Task An_install_cut_short_is_finished_by_the_next_download_without_force()
    {
        var folder = Fixture.FolderOf("mmlu-pro");
        await Fixture.DownloadAsync("mmlu-pro", ProBase);
        var files = DownloadManifest.ReadFrom(folder).Files.Select(f => f.Path).ToList();
        // As a kill between moving the files in and writing the manifest leaves it: files, the journal, no manifest.
        new InstallJournal(files).WriteTo(folder);
        File.Delete(Path.Combine(folder, DatasetCache.ManifestFileName));

        var again = await Fixture.DownloadAsync("mmlu-pro", ProBase);

        Assert.False(again.AlreadyPresent);
        Assert.NotNull(DatasetCache.Find(Fixture.Cache, "mmlu-pro"));
        Assert.False(File.Exists(Path.Combine(folder, InstallJournal.FileName)));
    }

    private string Scratch(string name, bool withLock)
    {
        var path = Path.Combine(Fixture.Cache, name);
        Directory.CreateDirectory(Path.Combine(path, "fetched"));
        File.WriteAllText(Path.Combine(path, "fetched", "data.part"), "half a file");
        if (withLock)
        {
            File.WriteAllText(Path.Combine(path, ".lock"), string.Empty);
        }

        return path;
    }

    // The id of a process that has ended (ids are reused only after the kernel wraps around).
    private static async Task<int> DeadProcessIdAsync()
    {
        using var process = Process.Start(new ProcessStartInfo("true") { UseShellExecute = false })!;
        await process.WaitForExitAsync();
        return process.Id;
    }
}
