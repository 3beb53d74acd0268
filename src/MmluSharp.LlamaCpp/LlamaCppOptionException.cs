namespace MmluSharp.LlamaCpp;

/// <summary>
/// An option of <see cref="LlamaCppOptions"/> the model or the machine cannot honour, found before any native call.
/// The message is one line: <c>Option value: problem</c>.
/// </summary>
public sealed class LlamaCppOptionException : ArgumentException
{
    /// <summary>Creates the exception for <paramref name="option"/> (a <see cref="LlamaCppOptions"/> property name).</summary>
    public LlamaCppOptionException(string option, long value, string problem)
        : base(FormattableString.Invariant($"{option} {value}: {problem}"))
    {
        Option = option;
        Value = value;
        Problem = problem;
    }

    /// <summary>Creates the exception with a default message.</summary>
    public LlamaCppOptionException()
    {
        Option = string.Empty;
        Problem = string.Empty;
    }

    /// <summary>Creates the exception with a message.</summary>
    public LlamaCppOptionException(string message)
        : base(message)
    {
        Option = string.Empty;
        Problem = message;
    }

    /// <summary>Creates the exception with a message and the failure underneath.</summary>
    public LlamaCppOptionException(string message, Exception innerException)
        : base(message, innerException)
    {
        Option = string.Empty;
        Problem = message;
    }

    /// <summary>The <see cref="LlamaCppOptions"/> property at fault, e.g. <c>ContextSize</c>.</summary>
    public string Option { get; }

    /// <summary>Its value.</summary>
    public long Value { get; }

    /// <summary>What is wrong with it, without the option's name.</summary>
    public string Problem { get; }
}
