using System.Security.Cryptography;
using System.Text;

namespace MmluSharp.Scoring;

/// <summary>The SHA-256 that samples record of the text a model was asked (lower-case hex of its UTF-8).</summary>
internal static class PromptHash
{
    /// <summary>The hash of <paramref name="text"/>.</summary>
    public static string Of(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
