using System.Globalization;
using MmluSharp.LlamaCpp;

namespace MmluSharp.Bench;

/// <summary>
/// The engine options a benchmark passes both to its own in-process model and to the <c>mmlu run</c> child, so both run
/// the same engine: <c>--threads</c>, <c>--context</c>, <c>--batch</c>, <c>--parallel</c>, <c>--exact-kv</c>; unset ones keep the defaults.
/// </summary>
internal sealed class EngineArguments
{
    private readonly List<string> cli = [];

    public LlamaCppOptions Options { get; private set; } = new();

    /// <summary>The options as <c>mmlu run</c> arguments.</summary>
    public IReadOnlyList<string> Cli => cli;

    /// <summary>Takes the option at <paramref name="args"/>[<paramref name="i"/>] if it is an engine option (advancing past its value).</summary>
    public bool TryTake(string[] args, ref int i)
    {
        var name = args[i];
        if (name == "--exact-kv")
        {
            Options = Options with { ExactKv = true };
            cli.Add(name);
            return true;
        }

        if (name is not ("--threads" or "--context" or "--batch" or "--parallel"))
        {
            return false;
        }

        var value = i + 1 < args.Length ? int.Parse(args[++i], CultureInfo.InvariantCulture) : throw new ArgumentException($"{name} needs a value.");
        Options = name switch
        {
            "--threads" => Options with { Threads = value },
            "--context" => Options with { ContextSize = value },
            "--batch" => Options with { BatchSize = value },
            _ => Options with { MaxParallelSequences = value },
        };
        cli.AddRange([name, value.ToString(CultureInfo.InvariantCulture)]);
        return true;
    }

    /// <summary>How the engine was set up, for the header of a report.</summary>
    public string Describe() => cli.Count == 0 ? "mmlu run defaults" : string.Join(' ', cli);
}
