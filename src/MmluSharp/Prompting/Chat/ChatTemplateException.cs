namespace MmluSharp.Prompting.Chat;

/// <summary>A chat template that cannot be used: unsupported, malformed, or refusing the messages; the message is one line.</summary>
public sealed class ChatTemplateException : Exception
{
    /// <summary>A chat template that cannot be used, for no stated reason.</summary>
    public ChatTemplateException()
    {
    }

    /// <summary>A chat template that cannot be used, and why (one line).</summary>
    /// <param name="message">Why, naming the template.</param>
    public ChatTemplateException(string message)
        : base(message)
    {
    }

    /// <summary>A chat template that cannot be used, why, and the error that showed it.</summary>
    /// <param name="message">Why, naming the template.</param>
    /// <param name="innerException">The error that showed it.</param>
    public ChatTemplateException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The template refused a system message (<c>raise_exception</c>): lm-evaluation-harness then renders without it.</summary>
    public bool RefusedMessages { get; init; }
}
