using MmluSharp.Running;
using MmluSharp.Testing;

namespace MmluSharp.Tests.Running;

public class ShellWordsTests
{
    private static readonly string[] Awkward =
        ["plain/path-1.gguf", "a b", "it's", "$HOME", "`id`", "a;b", "*", "", "new\nline", "\"quoted\"", "ünï", "--subjects=a,b", "!x", "~"];

    [Fact]
    public void Plain_words_stay_as_they_are_and_others_are_single_quoted()
    {
        Assert.Equal("plain/path-1.gguf", ShellWords.Quote("plain/path-1.gguf"));
        Assert.Equal("'a b'", ShellWords.Quote("a b"));
        Assert.Equal("'it'\\''s'", ShellWords.Quote("it's"));
        Assert.Equal("''", ShellWords.Quote(string.Empty));
    }

    [Fact]
    public async Task Bash_reads_the_joined_words_back_exactly()
    {
        var (_, output, _) = await ChildProcess.RunAsync("bash", ["-c", $"printf '%s\\0' {ShellWords.Join(Awkward)}"]);

        Assert.Equal(Awkward, output.Split('\0')[..^1]);
    }

    [Fact]
    public void A_replayed_command_gets_the_shard_and_folder_whatever_form_they_had()
    {
        var invocation = new RunInvocation("/work", ["mmlu"], ["run", "--model", "m.gguf", "--shard=auto", "--shards", "4", "-o", "runs/x", "--limit", "3"]);

        var replay = invocation.ForShard(new Shard(2, 4), "/abs/runs/x-shard2of4");

        Assert.Equal(["run", "--model", "m.gguf", "--limit", "3", "--shard", "2/4", "--out", "/abs/runs/x-shard2of4"], replay.Arguments);
        Assert.Equal("cd /work && mmlu run --model m.gguf --limit 3 --shard 2/4 --out /abs/runs/x-shard2of4", replay.ToString());
    }
}
