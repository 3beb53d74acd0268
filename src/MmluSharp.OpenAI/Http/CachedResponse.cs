namespace MmluSharp.OpenAI.Http;

/// <summary>A stored response body and its content type.</summary>
internal sealed record CachedResponse(string ContentType, byte[] Body);
