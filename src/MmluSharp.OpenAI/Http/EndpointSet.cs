namespace MmluSharp.OpenAI.Http;

/// <summary>The normalized base URLs of the replicas; requests are addressed to the first and moved by the balancer.</summary>
internal sealed class EndpointSet
{
    public EndpointSet(IReadOnlyList<Uri> endpoints)
    {
        if (endpoints.Count == 0)
        {
            throw new ArgumentException("At least one endpoint URL is needed.", nameof(endpoints));
        }

        Bases = [.. endpoints.Select(Normalize)];
    }

    /// <summary>Base URLs ending in a slash.</summary>
    public IReadOnlyList<Uri> Bases { get; }

    /// <summary>The base requests are first addressed to.</summary>
    public Uri Primary => Bases[0];

    /// <summary>Adds <c>/v1</c> to a URL without a path and makes the path end in a slash.</summary>
    public static Uri Normalize(Uri endpoint)
    {
        if (!endpoint.IsAbsoluteUri || (endpoint.Scheme != Uri.UriSchemeHttp && endpoint.Scheme != Uri.UriSchemeHttps))
        {
            throw new ArgumentException($"Endpoint '{endpoint}' is not an http(s) URL.", nameof(endpoint));
        }

        var builder = new UriBuilder(endpoint) { Query = string.Empty, Fragment = string.Empty };
        if (builder.Path is "" or "/")
        {
            builder.Path = "/v1/";
        }
        else if (!builder.Path.EndsWith('/'))
        {
            builder.Path += "/";
        }

        return builder.Uri;
    }

    /// <summary>The index of the base <paramref name="uri"/> lies under (-1: none).</summary>
    public int IndexOf(Uri? uri)
    {
        var text = uri?.AbsoluteUri ?? string.Empty;
        for (var i = 0; i < Bases.Count; i++)
        {
            if (text.StartsWith(Bases[i].AbsoluteUri, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The part of <paramref name="uri"/> after its base, e.g. <c>chat/completions</c>.</summary>
    public string Relative(Uri uri)
    {
        var index = IndexOf(uri);
        return index < 0 ? uri.AbsoluteUri : uri.AbsoluteUri[Bases[index].AbsoluteUri.Length..];
    }
}
