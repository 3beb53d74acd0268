using System.Net.Http.Headers;
using System.Text;
using MmluSharp.IO;

namespace MmluSharp.OpenAI.Http;

/// <summary>
/// The normalized base URLs of the replicas; requests are addressed to the first and moved by the balancer. A URL's
/// user-info (<c>http://user:password@host/v1</c>) is taken out of it: it becomes that endpoint's HTTP Basic
/// credentials, and the bases, which every log line, error, result and cache row is built from, never hold it.
/// </summary>
internal sealed class EndpointSet
{
    public EndpointSet(IReadOnlyList<Uri> endpoints)
    {
        if (endpoints.Count == 0)
        {
            throw new ArgumentException("At least one endpoint URL is needed.", nameof(endpoints));
        }

        Bases = [.. endpoints.Select(e => Normalize(Urls.WithoutUserInfo(e)))];
        BasicCredentials = [.. endpoints.Select(e => e.IsAbsoluteUri && e.UserInfo.Length > 0 ? Uri.UnescapeDataString(e.UserInfo) : null)];
    }

    /// <summary>Base URLs ending in a slash, without user-info.</summary>
    public IReadOnlyList<Uri> Bases { get; }

    /// <summary>Each endpoint's <c>user:password</c> from its URL, or null.</summary>
    public IReadOnlyList<string?> BasicCredentials { get; }

    /// <summary>
    /// The secrets the URLs carried, for redaction: each user-info, its password (or the lone token), and the Basic
    /// header's encoding of them, which a server may echo.
    /// </summary>
    public IEnumerable<string> Secrets => BasicCredentials.OfType<string>()
        .SelectMany(c => new[] { c, c[(c.IndexOf(':', StringComparison.Ordinal) + 1)..], Encoded(c) })
        .Where(s => s.Length > 0);

    /// <summary>The HTTP Basic header for the endpoint <paramref name="uri"/> lies under, or null when its URL had no user-info.</summary>
    public AuthenticationHeaderValue? BasicAuthorization(Uri? uri)
    {
        var index = IndexOf(uri);
        return index >= 0 && BasicCredentials[index] is { } credentials ? new AuthenticationHeaderValue("Basic", Encoded(credentials)) : null;
    }

    /// <summary>RFC 7617: base64 of <c>user:password</c> (a user-info without a colon is a user with an empty password).</summary>
    private static string Encoded(string credentials) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(credentials.Contains(':', StringComparison.Ordinal) ? credentials : credentials + ":"));

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
