using MmluSharp.Models;

namespace MmluSharp.OpenAI;

/// <summary>An <see cref="ILogLikelihoodModel"/> behind an HTTP endpoint: its traffic and the settings it sends.</summary>
public interface IEndpointModel : ILogLikelihoodModel
{
    /// <summary>Counters since the model was created.</summary>
    EndpointStatistics Statistics { get; }

    /// <summary>
    /// What identifies the scoring for results: endpoints, model, endpoint kind and request parameters.
    /// Never the API key.
    /// </summary>
    IReadOnlyDictionary<string, string> Settings { get; }
}
