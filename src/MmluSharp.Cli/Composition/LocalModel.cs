using MmluSharp.Models;
using MmluSharp.Models.Hub;

namespace MmluSharp.Cli.Composition;

/// <summary>A GGUF model on this machine: a local file, or a Hub model in the Hugging Face cache.</summary>
/// <param name="Path">The file llama.cpp loads (the first part of a split model).</param>
/// <param name="Hub">Where it came from, when it was named on the Hub.</param>
internal sealed record LocalModel(string Path, HubModel? Hub)
{
    /// <summary>The file name without <c>.gguf</c> and without a split suffix, e.g. <c>Model-Q8_0</c>.</summary>
    public string Name => System.IO.Path.GetFileName(GgufSplitName.Parse(Path)?.Prefix ?? System.IO.Path.GetFileNameWithoutExtension(Path));

    /// <summary>Which was used, for the run's first line: <c>local file …</c>, or the reference and what the Hub gave.</summary>
    public string Source => Hub is null ? $"local file {Path}" : HubModels.Describe(Hub);
}
