using System.Globalization;
using MmluSharp.IO;

namespace MmluSharp.Models.Hub;

/// <summary>
/// Turns the Hub's error answers into one-line messages, as huggingface_hub's <c>hf_raise_for_status</c> reads them:
/// the <c>X-Error-Code</c> header (<c>RepoNotFound</c>, <c>RevisionNotFound</c>, <c>EntryNotFound</c>, <c>GatedRepo</c>),
/// else the status (401 without a token means "not found or private"). Text from the server is redacted of the token
/// and kept to one line.
/// </summary>
internal sealed class HubErrors(HubEnvironment environment)
{
    private const int MaxServerText = 300;
    private readonly Redactor redactor = new(environment.Token);

    public HubException FromResponse(HttpResponseMessage response, HubReference reference, string? file)
    {
        var status = (int)response.StatusCode;
        var code = Header(response, "X-Error-Code");
        var serverText = Header(response, "X-Error-Message");
        var repo = reference.Repository;
        var page = $"{environment.EndpointText}/{repo}";
        var noToken = environment.Token is null;
        var message = code switch
        {
            "GatedRepo" when noToken => $"{repo} is a gated repository: accept its conditions at {page} and set HF_TOKEN (HTTP {N(status)})",
            "GatedRepo" => $"{repo} is a gated repository and HF_TOKEN has no access to it: request access at {page} (HTTP {N(status)})",
            "RevisionNotFound" => $"{repo} has no revision '{reference.RevisionOrDefault}' (HTTP {N(status)})",
            "EntryNotFound" => $"{repo} has no file '{file}' at revision '{reference.RevisionOrDefault}' (HTTP {N(status)})",
            _ when code == "RepoNotFound" || (code is null && (status == 401 || (status == 404 && file is null))) =>
                noToken
                    ? $"unknown repository {repo} on {environment.EndpointText} (or private or gated: set HF_TOKEN) (HTTP {N(status)})"
                    : $"unknown repository {repo} on {environment.EndpointText}, or HF_TOKEN has no access to it (HTTP {N(status)})",
            _ when status == 403 => $"{repo}: access denied (HTTP 403){(noToken ? "; set HF_TOKEN" : ": HF_TOKEN lacks the permission")}",
            _ => $"{repo}: {environment.EndpointText} answered HTTP {N(status)}{(string.IsNullOrEmpty(response.ReasonPhrase) ? string.Empty : " " + Clean(response.ReasonPhrase))}",
        };
        return new HubException(serverText is null ? message : $"{message}: {serverText}");
    }

    /// <summary>Server text made safe for one line of output: no token, no line breaks, not too long.</summary>
    public string Clean(string text)
    {
        var line = OneLine(text);
        return line.Length > MaxServerText ? line[..MaxServerText] + "…" : line;
    }

    /// <summary>A message made of server or socket text: one line, without the token.</summary>
    public string OneLine(string text) => redactor.Redact(text.ReplaceLineEndings(" ").Trim());

    private string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) && values.FirstOrDefault() is { Length: > 0 } value ? Clean(value) : null;

    private static string N(int status) => status.ToString(CultureInfo.InvariantCulture);
}
