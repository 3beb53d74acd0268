namespace MmluSharp.Testing;

/// <summary>One request the fake Hub received.</summary>
/// <param name="Host">The host it was sent to: <c>127.0.0.1</c> (the Hub) or <c>localhost</c> (the CDN).</param>
/// <param name="Path">Its path.</param>
/// <param name="Range">Its <c>Range</c> header, or empty.</param>
/// <param name="Authorization">Its <c>Authorization</c> header, or empty.</param>
internal sealed record HubRequest(string Host, string Path, string Range, string Authorization);
