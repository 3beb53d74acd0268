namespace MmluSharp.Models.Generation;

/// <summary>Why a generated reply ended.</summary>
public enum GenerationFinish
{
    /// <summary>The model produced an end-of-generation token.</summary>
    EndOfGeneration,

    /// <summary>A stop string appeared (it is not part of the reply).</summary>
    Stop,

    /// <summary>The reply reached its most tokens.</summary>
    Length,
}
