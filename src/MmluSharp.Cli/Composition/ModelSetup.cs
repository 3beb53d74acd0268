using Microsoft.Extensions.AI;
using MmluSharp.Models;
using MmluSharp.Results;
using MmluSharp.Running;

namespace MmluSharp.Cli.Composition;

/// <summary>A model ready to evaluate, what results should say about it, and what it holds open.</summary>
/// <param name="Evaluate">Evaluates the model on a plan: generative scoring for a chat client, letter scoring otherwise.</param>
/// <param name="Name">The model's name for the console.</param>
/// <param name="Description">How results describe the model, when the model's own description needs more (a Hub source); else null.</param>
/// <param name="RunSettings">Settings that identify the run besides the model's (e.g. the scoring kind), or null.</param>
/// <param name="Summary">One line for the console, e.g. the parameter count.</param>
/// <param name="Resource">Disposed when the run ends.</param>
internal sealed record ModelSetup(
    Func<EvaluationPlan, IProgress<RunProgress>, CancellationToken, Task<RunOutcome>> Evaluate,
    string Name,
    ModelDescription? Description,
    IReadOnlyDictionary<string, string>? RunSettings,
    string Summary,
    IDisposable Resource) : IDisposable
{
    /// <summary>Letter scoring with <paramref name="model"/>.</summary>
    public static ModelSetup Of(ILogLikelihoodModel model, string name, ModelDescription? description, IReadOnlyDictionary<string, string>? settings, string summary) =>
        new((plan, progress, ct) => model.EvaluateAsync(plan, progress, ct), name, description, settings, summary, model);

    /// <summary>Generative scoring with <paramref name="client"/>.</summary>
    public static ModelSetup Of(IChatClient client, string name, string summary) =>
        new((plan, progress, ct) => client.EvaluateAsync(plan, progress, ct), name, null, null, summary, client);

    /// <summary>The local model, whose own chat template and special tokens <c>--chat-template</c> may use; null for an endpoint.</summary>
    public LlamaCpp.LlamaCppModel? Local { get; init; }

    public void Dispose() => Resource.Dispose();
}
