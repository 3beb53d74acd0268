namespace MmluSharp.Prompting.Jinja;

/// <summary>
/// The template itself refused the messages with <c>raise_exception(…)</c> (e.g. "System role not supported"), as
/// Hugging Face's <c>TemplateError</c>; lm-evaluation-harness then renders again without the system message.
/// </summary>
internal sealed class JinjaRaisedException : JinjaException
{
    public JinjaRaisedException(string message, int line)
        : base("the template raised an exception: " + message, line)
    {
        Reason = message;
    }

    public JinjaRaisedException()
    {
        Reason = string.Empty;
    }

    public JinjaRaisedException(string message)
        : base(message)
    {
        Reason = message;
    }

    public JinjaRaisedException(string message, Exception innerException)
        : base(message, innerException)
    {
        Reason = message;
    }

    /// <summary>The template's own message.</summary>
    public string Reason { get; }
}
