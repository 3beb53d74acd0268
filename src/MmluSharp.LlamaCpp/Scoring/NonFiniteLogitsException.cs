namespace MmluSharp.LlamaCpp.Scoring;

/// <summary>llama.cpp returned logits without a distribution (NaN, +∞, or only −∞): the model's numbers cannot be trusted.</summary>
internal sealed class NonFiniteLogitsException : Exception
{
    public NonFiniteLogitsException(string what)
        : base(what)
    {
    }

    public NonFiniteLogitsException()
    {
    }

    public NonFiniteLogitsException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
