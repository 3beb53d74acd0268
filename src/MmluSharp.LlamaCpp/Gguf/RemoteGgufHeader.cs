using System.Globalization;
using MmluSharp.Models.Hub;

namespace MmluSharp.LlamaCpp.Gguf;

/// <summary>
/// The header of a Hub model that is not in the cache, read with range requests instead of downloading the weights:
/// each file's first MiB, then four times more until its header (metadata, vocabulary, tensor list) fits.
/// </summary>
internal static class RemoteGgufHeader
{
    private const int FirstRead = 1 << 20;
    private const int MaxHeader = 64 << 20;

    /// <summary>Describes the model from its files' headers; returns it and the bytes read.</summary>
    public static async Task<(GgufModelInfo Info, long BytesRead)> ReadAsync(HubClient client, HubModel model, CancellationToken ct)
    {
        var headers = new List<GgufHeader>();
        long read = 0;
        foreach (var file in model.Files)
        {
            var size = file.Size ?? throw new HubException($"{model.Reference.Repository}/{file.Path}: the Hub gives no size, so its header cannot be read remotely");
            var want = (int)Math.Min(size, FirstRead);
            while (true)
            {
                var prefix = await client.ReadPrefixAsync(model.Reference, file, want, ct).ConfigureAwait(false);
                read += prefix.Length;
                try
                {
                    headers.Add(GgufHeader.Read($"{model.Reference.Repository}/{file.Path}", new MemoryStream(prefix), size));
                    break;
                }
                catch (ModelLoadException) when (prefix.Length == want && want < size && want < MaxHeader)
                {
                    want = (int)Math.Min(Math.Min((long)want * 4, size), MaxHeader);
                }
                catch (ModelLoadException e) when (want == MaxHeader)
                {
                    throw new ModelLoadException(string.Create(CultureInfo.InvariantCulture, $"{e.Message} (read the first {MaxHeader >> 20} MiB; download the model to inspect it)"), e);
                }
            }
        }

        if (headers.Count > 1)
        {
            GgufInspector.CheckSet(headers);
        }

        return (GgufInspector.Describe(headers), read);
    }
}
