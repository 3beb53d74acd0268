namespace MmluSharp.LlamaCpp;

/// <summary>
/// An option of <see cref="LlamaCppOptions"/> the model or the machine cannot honour, found before any native call.
/// The message is one line: <c>Option value: problem</c>.
/// </summary>
public sealed class LlamaCppOptionException : OptionException
{
    /// <summary>Creates the exception for <paramref name="option"/> (a <see cref="LlamaCppOptions"/> property name).</summary>
    /// <param name="option">The property, e.g. <c>ContextSize</c>.</param>
    /// <param name="value">Its value.</param>
    /// <param name="problem">What is wrong with it, e.g. <c>at most 4096 (the model's training context)</c>.</param>
    public LlamaCppOptionException(string option, long value, string problem)
        : base(option, FormattableString.Invariant($"{value}: {problem}"))
    {
        Value = value;
    }

    /// <summary>Creates the exception with a default message.</summary>
    public LlamaCppOptionException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">The message.</param>
    public LlamaCppOptionException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the failure underneath.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The failure underneath.</param>
    public LlamaCppOptionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The option's value.</summary>
    public long Value { get; }
}
