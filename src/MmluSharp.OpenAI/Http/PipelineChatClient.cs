using Microsoft.Extensions.AI;

namespace MmluSharp.OpenAI.Http;

/// <summary>
/// The OpenAI SDK's chat client over the resilient, cached pipeline; disposing it releases the pipeline, and
/// <c>GetService(typeof(EndpointStatistics))</c> returns the traffic counters.
/// </summary>
internal sealed class PipelineChatClient(IChatClient inner, HttpPipeline pipeline) : DelegatingChatClient(inner)
{
    public override object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceType == typeof(EndpointStatistics) && serviceKey is null
            ? pipeline.Counters.Snapshot()
            : base.GetService(serviceType, serviceKey);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            pipeline.Dispose();
        }

        base.Dispose(disposing);
    }
}
