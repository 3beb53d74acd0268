using System.Diagnostics;
using System.Globalization;
using MmluSharp.Bench.Http;
using MmluSharp.Models;
using MmluSharp.OpenAI;
using MmluSharp.Prompting;
using MmluSharp;

// Harness overhead of the HTTP engine against a loopback server that answers instantly.
// Usage: dotnet run -c Release --project bench/MmluSharp.Bench.Http -- [--data DIR] [--serial N]
var data = Arg("--data") ?? Path.Combine("..", "shared", "datasets", "mmlu");
var serial = int.Parse(Arg("--serial") ?? "3000", CultureInfo.InvariantCulture);

var watch = Stopwatch.StartNew();
var plan = EvaluationPlan.Create(new EvaluationOptions { Data = data, Shots = 5, Style = PromptStyle.Original.Name });
var requests = plan.Questions.Select(q => new ScoreRequest(q.Key, q.Prompt, q.Continuations)).ToList();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"plan: {requests.Count} questions, 5-shot original, built in {watch.Elapsed.TotalSeconds:0.00} s; mean prompt {requests.Average(r => r.Prompt.Text.Length):0} chars"));

long peakHeap = 0;
using var sampler = new Timer(_ => InterlockedMax(ref peakHeap, GC.GetTotalMemory(false)), null, 0, 10);
await using var server = await InstantServer.StartAsync();
var baseOptions = new EndpointOptions([server.BaseUrl], "bench") { ApiKeyVariable = "MMLU_BENCH_NO_KEY" };

await Measure("warm-up", baseOptions with { Concurrency = 16 }, requests[..500]);
await Measure("concurrency 1", baseOptions with { Concurrency = 1 }, requests[..Math.Min(serial, requests.Count)]);
await Measure("concurrency 16", baseOptions with { Concurrency = 16 }, requests);
await Measure("concurrency 64", baseOptions with { Concurrency = 64 }, requests);

var cache = Path.Combine(Path.GetTempPath(), $"mmlu-bench-{Environment.ProcessId}.sqlite");
await Measure("concurrency 64, filling cache", baseOptions with { Concurrency = 64, CachePath = cache }, requests);
await Measure("concurrency 64, all cache hits", baseOptions with { Concurrency = 64, CachePath = cache }, requests);
foreach (var file in Directory.GetFiles(Path.GetTempPath(), Path.GetFileName(cache) + "*"))
{
    File.Delete(file);
}

using var self = Process.GetCurrentProcess();
self.Refresh();
var gc = GC.GetGCMemoryInfo();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"peak working set {self.PeakWorkingSet64 / 1048576.0:0} MiB (client and server in one process); peak managed heap {Interlocked.Read(ref peakHeap) / 1048576.0:0} MiB (sampled every 10 ms), committed now {gc.TotalCommittedBytes / 1048576.0:0} MiB; allocated in total {GC.GetTotalAllocatedBytes() / 1048576.0:0} MiB; gen0/1/2 collections {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)}; server hits {server.Hits}"));

async Task Measure(string label, EndpointOptions options, IReadOnlyList<ScoreRequest> batch)
{
    using var model = OpenAICompatible.CompletionsModel(options);
    var before = GC.GetTotalAllocatedBytes();
    var clock = Stopwatch.StartNew();
    var count = 0;
    await foreach (var _ in model.ScoreAsync(batch))
    {
        count++;
    }

    clock.Stop();
    var s = model.Statistics;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{label,-32} {count,6} requests in {clock.Elapsed.TotalSeconds,6:0.00} s = {count / clock.Elapsed.TotalSeconds,7:0} req/s; {(GC.GetTotalAllocatedBytes() - before) / (double)count / 1024,5:0.0} KiB allocated/request; sent {s.Requests}, cache hits {s.CacheHits}"));
}

static void InterlockedMax(ref long target, long value)
{
    long seen;
    while ((seen = Interlocked.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen)
    {
    }
}

string? Arg(string name)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
}
