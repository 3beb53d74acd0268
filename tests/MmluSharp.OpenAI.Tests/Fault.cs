namespace MmluSharp.OpenAI.Tests;

/// <summary>What the fake server does instead of answering.</summary>
public enum Fault
{
    None,
    TooManyRequests,
    ServerError,
    Stall,
    DroppedMidBody,
    TruncatedJson,
}
