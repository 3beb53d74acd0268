using System.Diagnostics;
using System.Globalization;
using MmluSharp.Bench;
using MmluSharp.Datasets;
using MmluSharp.LlamaCpp;
using MmluSharp.Models;
using MmluSharp.Prompting;

// A plain timed harness: shared-prefix scoring against one full prompt per question, on one loaded engine.
// The first argument may instead name another benchmark: "gap" (issue 13's table for W300, GapBench), "full" (the
// whole of MMLU through mmlu run, FullBench), "depth" (what
// attention costs by the cells a token sees, DepthBench), "prompts" (reading the data and building and writing prompts,
// PromptsBench), "generate" (batched generation against one question at a time, GenerateBench).
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
BenchOptions options;
try
{
    switch (args)
    {
        case ["prompts", .. var rest]:
            return PromptsBench.Run(rest);
        case ["gap", .. var rest]:
            return await GapBench.RunAsync(rest);
        case ["full", .. var rest]:
            return await FullBench.RunAsync(rest);
        case ["generate", .. var rest]:
            return await GenerateBench.RunAsync(rest);
        case ["depth", "--model", var path, .. var rest]:
            var engine = new EngineArguments();
            for (var i = 0; i < rest.Length; i++)
            {
                _ = engine.TryTake(rest, ref i) ? 0 : throw new ArgumentException($"unknown option {rest[i]}\n{DepthBench.Usage}");
            }

            DepthBench.Run(path, engine.Options);
            return 0;
        default:
            options = BenchOptions.Parse(args);
            break;
    }
}
catch (Exception e) when (e is ArgumentException or FormatException or DatasetException)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}

var requests = BuildRequests(options);
Console.WriteLine($"model      {options.Model}");
Console.WriteLine($"questions  {requests.Count} ({options.Limit} per subject, {options.Shots}-shot, {requests.Select(r => r.Id.Split('/')[0]).Distinct().Count()} subjects)");

var load = Stopwatch.StartNew();
using var model = LlamaCppModel.Load(options.Model, new LlamaCppOptions
{
    ExactKv = options.ExactKv,
    BatchSize = options.BatchSize,
    MaxParallelSequences = options.Parallel,
    Threads = options.Threads ?? Environment.ProcessorCount,
});
Console.WriteLine($"loaded     {load.Elapsed.TotalSeconds:F2} s, context {model.Info.ContextLength}, threads {model.Options.Threads}, exact KV {model.Options.ExactKv}, OMP {Environment.GetEnvironmentVariable("OMP_WAIT_POLICY")}");

// Unique tokens: each subject's prefix once plus every question's own tokens (what sharing cannot avoid).
var unique = requests.GroupBy(r => r.Prompt.Prefix(r.Prompt.Shots.Count)).Sum(g =>
    model.Tokenize(g.Key).Length + g.Sum(r => model.Tokenize(r.Prompt.Text).Length - model.Tokenize(g.Key).Length));
var full = requests.Sum(r => model.Tokenize(r.Prompt.Text).Length);
Console.WriteLine($"tokens     full prompts {full:N0}, unique {unique:N0} ({(double)full / unique:F2}x)");
var tokenizing = Stopwatch.StartNew();
foreach (var r in requests)
{
    model.Tokenize(r.Prompt.Text);
}

Console.WriteLine($"tokenize   {tokenizing.Elapsed.TotalMilliseconds / requests.Count:F2} ms per full prompt");
tokenizing.Restart();
Parallel.ForEach(requests, r => model.Tokenize(r.Prompt.Text));
Console.WriteLine($"tokenize   {tokenizing.Elapsed.TotalMilliseconds / requests.Count:F2} ms per full prompt, in parallel");

await Time("warm-up", model.ScoreAsync(requests.Take(1).ToList()));
var before = Snapshot(model);
var shared = await Time("shared", model.ScoreAsync(requests));
Report(shared);
before = Native(model, before);
Console.WriteLine($"           unique tokens/s {unique / shared.Wall.TotalSeconds:F0}; fallbacks {model.Statistics.Fallbacks}, truncated {model.Statistics.Truncated}, cut from the left {model.Statistics.LeftTruncated}");
if (!options.SkipScratch)
{
    var scratch = await Time("scratch", model.ScoreFromScratchAsync(requests));
    Report(scratch);
    Native(model, before);
    var agree = requests.Count(r => ArgMax(shared.Results[r.Id]) == ArgMax(scratch.Results[r.Id]));
    var maxDiff = requests.Max(r => shared.Results[r.Id].LogProbabilities.Zip(scratch.Results[r.Id].LogProbabilities, (a, b) => Math.Abs(a - b)).Max());
    Console.WriteLine($"speed-up   {scratch.Wall / shared.Wall:F2}x wall time (shared vs scratch)");
    Console.WriteLine($"argmax     {agree}/{requests.Count} agree; max |logprob difference| {maxDiff:G3}");
}

return 0;

static async Task<RunTiming> Time(string name, IAsyncEnumerable<ScoreResponse> results)
{
    var watch = Stopwatch.StartNew();
    var all = new Dictionary<string, ScoreResponse>(StringComparer.Ordinal);
    await foreach (var r in results)
    {
        all[r.Id] = r;
    }

    return new RunTiming(name, watch.Elapsed, all);
}

static void Report(RunTiming run) => Console.WriteLine(
    $"{run.Name,-10} {run.Wall.TotalSeconds,7:F2} s  {run.QuestionsPerSecond,7:F2} questions/s  {run.TokensPerSecond,8:F0} tokens/s  ({run.TokensDecoded:N0} tokens decoded)");

static (TimeSpan Decoding, long Decodes) Snapshot(LlamaCppModel model) => (model.Statistics.Decoding, model.Statistics.Decodes);

static (TimeSpan Decoding, long Decodes) Native(LlamaCppModel model, (TimeSpan Decoding, long Decodes) before)
{
    var now = Snapshot(model);
    Console.WriteLine($"           inside llama_decode {(now.Decoding - before.Decoding).TotalSeconds:F2} s in {now.Decodes - before.Decodes} calls");
    return now;
}

static int ArgMax(ScoreResponse r) => Enumerable.Range(0, r.LogProbabilities.Count).MaxBy(i => r.LogProbabilities[i]);

// The first --limit questions of each subject: the first N subjects (--subjects N), or those named (--subjects a,b).
static List<ScoreRequest> BuildRequests(BenchOptions options)
{
    var names = options.Subjects is { } list && !int.TryParse(list, out _) ? list.Split(',') : null;
    var count = options.Subjects is { } n && int.TryParse(n, out var k) ? k : int.MaxValue;
    var workload = Workload.Mmlu(options.Data, names, options.Shots);
    var subjects = workload.Subjects.Take(count).ToHashSet(StringComparer.Ordinal);
    return [.. workload.Plan.Questions.Where(q => subjects.Contains(q.Question.Subject)).GroupBy(q => q.Question.Subject)
        .SelectMany(g => g.Take(options.Limit)).Select(q => new ScoreRequest(q.Key, q.Prompt, q.Continuations))];
}
