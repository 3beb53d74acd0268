using Microsoft.Extensions.AI;
using MmluSharp.Models;
using MmluSharp.Results;
using MmluSharp.Running;

namespace MmluSharp;

/// <summary>
/// Evaluates a model on a benchmark in one statement: an <see cref="IChatClient"/> answers in text and the letter is read
/// from its answer (generative scoring); an <see cref="ILogLikelihoodModel"/> scores each answer letter and the most
/// likely one is its prediction (letter scoring). The results are those <c>mmlu run</c> writes, with the benchmark's
/// categories and analysis; with <see cref="EvaluationOptions.OutputFolder"/> the samples go to a resumable run folder.
/// </summary>
public static class EvaluationExtensions
{
    /// <summary>Evaluates <paramref name="client"/>: it answers every question in text and the letter is read from the answer.</summary>
    /// <param name="client">The chat model.</param>
    /// <param name="options">What to evaluate; null: 5-shot MMLU from the download cache, in memory.</param>
    /// <param name="progress">Receives how far the evaluation is.</param>
    /// <param name="cancellationToken">Stops the evaluation; in a run folder everything scored is kept.</param>
    /// <returns>The results of the evaluation.</returns>
    /// <exception cref="OptionException">An option does not fit the benchmark; names it.</exception>
    /// <exception cref="Datasets.DatasetException">The data is missing or malformed.</exception>
    /// <exception cref="RunMismatchException">The run folder holds another run, or samples of data that changed since.</exception>
    /// <exception cref="RunFolderInUseException">Another process is using the run folder.</exception>
    public static async Task<RunResults> EvaluateAsync(
        this IChatClient client, EvaluationOptions? options = null, IProgress<RunProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        var plan = EvaluationPlan.Create(options ?? new EvaluationOptions());
        return (await client.EvaluateAsync(plan, progress, cancellationToken).ConfigureAwait(false)).Results;
    }

    /// <summary>Evaluates <paramref name="model"/>: the most likely answer letter of each question is its prediction.</summary>
    /// <param name="model">The model.</param>
    /// <param name="options">What to evaluate; null: 5-shot MMLU from the download cache, in memory.</param>
    /// <param name="progress">Receives how far the evaluation is.</param>
    /// <param name="cancellationToken">Stops the evaluation; in a run folder everything scored is kept.</param>
    /// <returns>The results of the evaluation.</returns>
    /// <exception cref="OptionException">An option does not fit the benchmark; names it.</exception>
    /// <exception cref="Datasets.DatasetException">The data is missing or malformed.</exception>
    /// <exception cref="RunMismatchException">The run folder holds another run, or samples of data that changed since.</exception>
    /// <exception cref="RunFolderInUseException">Another process is using the run folder.</exception>
    public static async Task<RunResults> EvaluateAsync(
        this ILogLikelihoodModel model, EvaluationOptions? options = null, IProgress<RunProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        var plan = EvaluationPlan.Create(options ?? new EvaluationOptions());
        return (await model.EvaluateAsync(plan, progress, cancellationToken).ConfigureAwait(false)).Results;
    }

    /// <summary>Evaluates <paramref name="client"/> on a plan built once (e.g. evaluated after every epoch).</summary>
    /// <param name="client">The chat model.</param>
    /// <param name="plan">The questions, from <see cref="EvaluationPlan.Create"/>.</param>
    /// <param name="progress">Receives how far the evaluation is.</param>
    /// <param name="cancellationToken">Stops the evaluation; in a run folder everything scored is kept.</param>
    /// <returns>The results, and in a run folder how much was resumed.</returns>
    /// <exception cref="OptionException">An option does not fit (e.g. <c>Extraction</c>); names it.</exception>
    /// <exception cref="RunMismatchException">The run folder holds another run, or samples of data that changed since.</exception>
    /// <exception cref="RunFolderInUseException">Another process is using the run folder.</exception>
    public static Task<RunOutcome> EvaluateAsync(
        this IChatClient client, EvaluationPlan plan, IProgress<RunProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(plan);
        return Evaluation.RunAsync(Evaluation.ForChat(client, plan), plan, progress, cancellationToken);
    }

    /// <summary>Evaluates <paramref name="model"/> on a plan built once (e.g. evaluated after every epoch).</summary>
    /// <param name="model">The model.</param>
    /// <param name="plan">The questions, from <see cref="EvaluationPlan.Create"/>.</param>
    /// <param name="progress">Receives how far the evaluation is.</param>
    /// <param name="cancellationToken">Stops the evaluation; in a run folder everything scored is kept.</param>
    /// <returns>The results, and in a run folder how much was resumed.</returns>
    /// <exception cref="RunMismatchException">The run folder holds another run, or samples of data that changed since.</exception>
    /// <exception cref="RunFolderInUseException">Another process is using the run folder.</exception>
    public static Task<RunOutcome> EvaluateAsync(
        this ILogLikelihoodModel model, EvaluationPlan plan, IProgress<RunProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(plan);
        return Evaluation.RunAsync(Evaluation.ForModel(model, plan), plan, progress, cancellationToken);
    }
}
