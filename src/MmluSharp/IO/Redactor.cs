using System.Text;

namespace MmluSharp.IO;

/// <summary>
/// The one redaction step for text from outside: the secrets of a client (an API key, credentials from endpoint URLs,
/// a Hugging Face token) are masked in every line composed for logs, errors and files (<see cref="Redact"/>), and in
/// every server answer as it arrives (<see cref="RedactBody"/>), before a cache, a scorer or a message can see it.
/// </summary>
/// <remarks>
/// A secret shorter than <see cref="MinBodySecret"/> characters is a placeholder (vLLM's <c>EMPTY</c>, <c>none</c>):
/// it is masked in lines, but left in answers, where masking every occurrence of a short word would change the model's text.
/// </remarks>
internal sealed class Redactor
{
    public const string Mask = "[REDACTED]";
    public const int MinBodySecret = 8;

    private static readonly byte[] MaskBytes = Encoding.UTF8.GetBytes(Mask);
    private readonly string[] secrets;
    private readonly byte[][] bodySecrets;
    private readonly Action<string>? sink;

    /// <summary>Masks <paramref name="secret"/> (none when null or empty).</summary>
    public Redactor(string? secret, Action<string>? sink = null)
        : this([secret], sink)
    {
    }

    /// <summary>Masks each of <paramref name="secrets"/>, the longest first.</summary>
    public Redactor(IEnumerable<string?> secrets, Action<string>? sink = null)
    {
        this.secrets = [.. secrets.OfType<string>().Where(s => s.Length > 0).Distinct(StringComparer.Ordinal).OrderByDescending(s => s.Length)];
        bodySecrets = [.. this.secrets.Where(s => s.Length >= MinBodySecret).Select(Encoding.UTF8.GetBytes)];
        this.sink = sink;
    }

    public string Redact(string text)
    {
        foreach (var secret in secrets)
        {
            text = text.Replace(secret, Mask, StringComparison.Ordinal);
        }

        return text;
    }

    /// <summary><paramref name="body"/> with every secret masked; the same array when it holds none.</summary>
    public byte[] RedactBody(byte[] body)
    {
        foreach (var secret in bodySecrets)
        {
            if (body.AsSpan().IndexOf(secret) >= 0)
            {
                body = Replace(body, secret);
            }
        }

        return body;
    }

    public void Log(string line) => sink?.Invoke(Redact(line));

    private static byte[] Replace(byte[] body, byte[] secret)
    {
        var output = new List<byte>(body.Length);
        var rest = body.AsSpan();
        int at;
        while ((at = rest.IndexOf(secret)) >= 0)
        {
            output.AddRange(rest[..at]);
            output.AddRange(MaskBytes);
            rest = rest[(at + secret.Length)..];
        }

        output.AddRange(rest);
        return [.. output];
    }
}
