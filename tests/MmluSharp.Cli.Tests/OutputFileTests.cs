using System.Net.Sockets;
using MmluSharp.Testing;

namespace MmluSharp.Cli.Tests;

/// <summary>
/// Issue 10, case 8: every file mmlu writes goes through one writer, which writes through symbolic links, refuses
/// FIFOs, devices and sockets, and on a full disk keeps the previous file and says so.
/// </summary>
public class OutputFileTests
{
    private static readonly string TinyModel = SharedData.Model("llama-2-tiny-random.gguf");

    private static string[] Prompts(string output) =>
        ["prompts", "--data", SharedData.Mmlu, "--subjects", "anatomy", "--limit", "2", "--shots", "0", "--out", output];

    private static string[] RunArgs(string folder, string limit = "100") =>
        ["run", "--model", TinyModel, "--data", SharedData.Mmlu, "--subjects", "anatomy,astronomy", "--limit", limit, "--shots", "0", "--out", folder];

    [Fact]
    public async Task Writing_to_a_symbolic_link_replaces_its_target_and_keeps_the_link()
    {
        var folder = Cli.TempFolder("link");
        var target = Path.Combine(folder, "target.jsonl");
        File.WriteAllText(target, "old\n");
        var link = Path.Combine(folder, "link.jsonl");
        File.CreateSymbolicLink(link, "target.jsonl");

        Assert.Equal(0, await MmluProcess.RunAsync(Prompts(link)));

        Assert.Equal("target.jsonl", new FileInfo(link).LinkTarget);
        Assert.Equal(2, File.ReadAllLines(target).Length);
        Assert.StartsWith("{\"subject\":\"anatomy\"", File.ReadAllText(target), StringComparison.Ordinal);
        Assert.Equal(["link.jsonl", "target.jsonl"], Directory.GetFileSystemEntries(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("fifo", "a FIFO (named pipe)")]
    [InlineData("device", "a character device")]
    [InlineData("socket", "a socket")]
    [InlineData("link to fifo", "a FIFO (named pipe)")]
    [InlineData("link loop", "symbolic link loop")]
    public async Task A_special_file_as_output_is_refused_in_one_line_and_left_as_it_is(string kind, string named)
    {
        var folder = Cli.TempFolder("special");
        var path = Path.Combine(folder, "out.jsonl");
        using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        switch (kind)
        {
            case "fifo":
                Shell.Run("mkfifo", path);
                break;
            case "device":
                Shell.Run("mknod", path, "c", "1", "7"); // the device /dev/full is
                break;
            case "socket":
                socket.Bind(new UnixDomainSocketEndPoint(path));
                break;
            case "link to fifo":
                Shell.Run("mkfifo", Path.Combine(folder, "fifo"));
                File.CreateSymbolicLink(path, "fifo");
                break;
            default:
                File.CreateSymbolicLink(path, "loop");
                File.CreateSymbolicLink(Path.Combine(folder, "loop"), "out.jsonl");
                break;
        }

        var entries = Directory.GetFileSystemEntries(folder).Order(StringComparer.Ordinal).ToList();

        var (exitCode, output) = await MmluProcess.RunAsync(new Dictionary<string, string>(), Prompts(path));

        var error = ErrorLine.Of(exitCode, output);
        Assert.Contains(path, error, StringComparison.Ordinal);
        Assert.Contains(named, error, StringComparison.Ordinal);
        Assert.Equal(entries, Directory.GetFileSystemEntries(folder).Order(StringComparer.Ordinal));
        var now = new FileInfo(path);
        Assert.Equal(kind switch { "link to fifo" => "fifo", "link loop" => "loop", _ => null }, now.LinkTarget);
        if (now.LinkTarget is null)
        {
            Assert.Equal(0, now.Length); // still the FIFO, device or socket: not replaced by a file of prompts
        }
    }

    [Fact]
    public async Task A_fifo_as_samples_file_of_a_run_is_refused_in_one_line()
    {
        var folder = Cli.TempFolder("fifo-run");
        Shell.Run("mkfifo", Path.Combine(folder, "samples.jsonl"));

        var (exitCode, output) = await MmluProcess.RunAsync(new Dictionary<string, string>(), RunArgs(folder, "2"));

        Assert.Contains("samples.jsonl is a FIFO (named pipe), not a regular file", ErrorLine.Of(exitCode, output), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_disk_full_while_appending_samples_keeps_every_complete_sample_and_the_same_command_then_finishes()
    {
        var whole = Cli.TempFolder("full-whole");
        Assert.Equal(0, await MmluProcess.RunAsync(RunArgs(whole)));

        using var disk = new SmallDisk(kilobytes: 48);
        var folder = Path.Combine(disk.Path, "run");
        var (exitCode, output) = await MmluProcess.RunAsync(new Dictionary<string, string>(), RunArgs(folder));

        var error = ErrorLine.Of(exitCode, output);
        Assert.Contains($"{folder}/samples.jsonl: no space left on the device; the ", error, StringComparison.Ordinal);
        Assert.Contains(" samples scored before are kept: free space and run the same command to continue.", error, StringComparison.Ordinal);
        var kept = File.ReadAllText(Path.Combine(folder, "samples.jsonl"));
        Assert.EndsWith("\n", kept, StringComparison.Ordinal);
        Assert.StartsWith(kept, File.ReadAllText(Path.Combine(whole, "samples.jsonl")), StringComparison.Ordinal);
        Assert.InRange(kept.Count(c => c == '\n'), 1, 199);

        disk.Resize(kilobytes: 1024);
        Assert.Equal(0, await MmluProcess.RunAsync(RunArgs(folder)));
        Assert.Equal(File.ReadAllText(Path.Combine(whole, "samples.jsonl")), File.ReadAllText(Path.Combine(folder, "samples.jsonl")));
    }

    [Fact]
    public async Task A_disk_full_while_rewriting_results_or_reports_keeps_the_previous_files_and_says_so()
    {
        using var disk = new SmallDisk(kilobytes: 1024);
        var first = Path.Combine(disk.Path, "s1");
        var second = Path.Combine(disk.Path, "s2");
        var merged = Path.Combine(disk.Path, "merged");
        Assert.Equal(0, await MmluProcess.RunAsync([.. RunArgs(first, "20"), "--shard", "1/2"]));
        Assert.Equal(0, await MmluProcess.RunAsync([.. RunArgs(second, "20"), "--shard", "2/2"]));
        Assert.Equal(0, await MmluProcess.RunAsync("merge", first, second, "--out", merged));
        var before = Directory.GetFiles(merged).ToDictionary(f => f, File.ReadAllText);
        disk.Fill();

        var (mergeExit, mergeOutput) = await MmluProcess.RunAsync(new Dictionary<string, string>(), "merge", first, second, "--out", merged);
        var (reportExit, reportOutput) = await MmluProcess.RunAsync(
            new Dictionary<string, string>(), "report", Path.Combine(merged, "results.json"), "--md", Path.Combine(merged, "report.md"));

        Assert.Contains(": no space left on the device; the previous file is kept unchanged.", ErrorLine.Of(mergeExit, mergeOutput), StringComparison.Ordinal);
        Assert.Equal(
            $"error: {Path.Combine(merged, "report.md")}: no space left on the device; the previous file is kept unchanged.",
            ErrorLine.Of(reportExit, reportOutput));
        Assert.Equal(before, Directory.GetFiles(merged).ToDictionary(f => f, File.ReadAllText));
    }
}
