namespace MmluSharp.OpenAI.Http;

/// <summary>Removes the API key from text bound for logs and exception messages.</summary>
internal sealed class Redactor(string? apiKey, Action<string>? sink)
{
    public const string Mask = "[REDACTED]";

    public string Redact(string text) =>
        string.IsNullOrEmpty(apiKey) ? text : text.Replace(apiKey, Mask, StringComparison.Ordinal);

    public void Log(string line) => sink?.Invoke(Redact(line));
}
