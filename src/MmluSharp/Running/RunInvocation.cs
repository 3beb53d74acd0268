namespace MmluSharp.Running;

/// <summary>
/// The command that started (or last resumed) a run: its working directory, the program (e.g. <c>mmlu</c>, or
/// <c>dotnet mmlu.dll</c>) and its arguments, so the run can be completed from anywhere with the same command.
/// </summary>
public sealed record RunInvocation(string Directory, IReadOnlyList<string> Program, IReadOnlyList<string> Arguments)
{
    /// <summary>The arguments with <c>--shard</c> fixed to <paramref name="shard"/> and <c>--out</c> to <paramref name="folder"/>.</summary>
    internal RunInvocation ForShard(Shard shard, string folder)
    {
        var arguments = CommandArguments.Without(Arguments, ["--shards"]);
        arguments = CommandArguments.With(arguments, ["--shard"], shard.ToString());
        arguments = CommandArguments.With(arguments, ["--out", "-o"], folder);
        return this with { Arguments = arguments };
    }

    /// <summary>One shell line: <c>cd DIR &amp;&amp; PROGRAM ARGUMENTS</c>, every word quoted for the shell.</summary>
    public override string ToString() => $"cd {ShellWords.Quote(Directory)} && {ShellWords.Join([.. Program, .. Arguments])}";
}
