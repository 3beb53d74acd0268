namespace MmluSharp.IO;

/// <summary>Removes a secret (an API key, a Hugging Face token) from text bound for logs, errors and files.</summary>
internal sealed class Redactor(string? secret, Action<string>? sink = null)
{
    public const string Mask = "[REDACTED]";

    public string Redact(string text) =>
        string.IsNullOrEmpty(secret) ? text : text.Replace(secret, Mask, StringComparison.Ordinal);

    public void Log(string line) => sink?.Invoke(Redact(line));
}
