namespace MmluSharp.LlamaCpp.Scoring;

/// <summary>Reads one token's row of logits right after its decode (the row is overwritten by the next decode).</summary>
internal delegate void LogitsReader(ReadOnlySpan<float> logits);
