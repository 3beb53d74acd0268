using System.Globalization;

namespace MmluSharp.Bench;

/// <summary>The options the gap and full benchmarks share: what to run, with which <c>mmlu</c>, and the engine options.</summary>
internal sealed class BenchArguments
{
    public string Model { get; private set; } = string.Empty;

    public string Data { get; private set; } = string.Empty;

    public IReadOnlyCollection<string>? Subjects { get; private set; }

    public int Shots { get; private set; } = 5;

    /// <summary>Questions per subject the one-forward-per-question figure is measured on (then extrapolated); null for all.</summary>
    public int? ScratchPerSubject { get; private set; }

    /// <summary>How many times <c>mmlu run</c> is run (each between two pp512 measurements).</summary>
    public int Repeat { get; private set; } = 1;

    public string Mmlu { get; private set; } = MmluChild.DefaultPath;

    public bool Depth { get; private set; }

    public EngineArguments Engine { get; } = new();

    /// <summary>Parses <paramref name="args"/>; <paramref name="subjects"/> and <paramref name="scratch"/> are the defaults.</summary>
    public static BenchArguments Parse(string[] args, string usage, IReadOnlyCollection<string>? subjects, int? scratch)
    {
        var parsed = new BenchArguments { Subjects = subjects, ScratchPerSubject = scratch };
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.\n{usage}");
            if (parsed.Engine.TryTake(args, ref i))
            {
                continue;
            }

            switch (args[i])
            {
                case "--model": parsed.Model = Next(); break;
                case "--data": parsed.Data = Next(); break;
                case "--subjects": parsed.Subjects = Next().Split(','); break;
                case "--shots": parsed.Shots = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--scratch": parsed.ScratchPerSubject = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--repeat": parsed.Repeat = Math.Max(1, int.Parse(Next(), CultureInfo.InvariantCulture)); break;
                case "--mmlu": parsed.Mmlu = Next(); break;
                case "--depth": parsed.Depth = true; break;
                default: throw new ArgumentException($"unknown option {args[i]}\n{usage}");
            }
        }

        return parsed.Model.Length > 0 && parsed.Data.Length > 0 ? parsed : throw new ArgumentException(usage);
    }

    /// <summary>The <c>mmlu run</c> arguments for this workload, writing into <paramref name="folder"/>.</summary>
    public IReadOnlyList<string> RunArguments(string folder) =>
    [
        "--model", Model, "--data", Data, "--shots", Shots.ToString(CultureInfo.InvariantCulture), "--out", folder,
        .. Subjects is null ? [] : new[] { "--subjects", string.Join(',', Subjects) },
        .. Engine.Cli,
    ];
}
