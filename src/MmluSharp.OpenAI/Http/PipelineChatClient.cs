using Microsoft.Extensions.AI;
using MmluSharp.IO;
using MmluSharp.Results;

namespace MmluSharp.OpenAI.Http;

/// <summary>
/// The OpenAI SDK's chat client over the resilient, cached pipeline; disposing it releases the pipeline.
/// <c>GetService</c> answers the traffic counters (<see cref="EndpointStatistics"/>, <see cref="ApiUsage"/>) and the
/// model as results describe it (<see cref="ModelDescription"/>: the endpoints, the API and the model name).
/// </summary>
internal sealed class PipelineChatClient(IChatClient inner, HttpPipeline pipeline) : DelegatingChatClient(inner)
{
    public override object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        if (serviceKey is not null)
        {
            return base.GetService(serviceType, serviceKey);
        }

        var options = pipeline.Options;
        return serviceType == typeof(EndpointStatistics) ? pipeline.Counters.Snapshot()
            : serviceType == typeof(ApiUsage) ? pipeline.Counters.Snapshot().ToUsage()
            : serviceType == typeof(ModelDescription) ? Describe(options, "chat/completions")
            : base.GetService(serviceType, serviceKey);
    }

    /// <summary>The model as results describe it: the endpoints, the <paramref name="api"/> and the model name.</summary>
    internal static ModelDescription Describe(EndpointOptions options, string api) =>
        new(options.Model, null, null, null, new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["endpoint"] = string.Join(" ", options.Endpoints.Select(Urls.WithoutUserInfo)),
            ["api"] = api,
            ["model"] = options.Model,
        });

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            pipeline.Dispose();
        }

        base.Dispose(disposing);
    }
}
