using System.Globalization;

namespace MmluSharp.Prompting.Jinja;

/// <summary>
/// A template that cannot be read or rendered: a syntax error, a construct this interpreter does not support, or a
/// failure while rendering. The message is one line and names the template line.
/// </summary>
internal class JinjaException : Exception
{
    public JinjaException(string message, int line)
        : base(line > 0 ? string.Create(CultureInfo.InvariantCulture, $"line {line}: {message}") : message)
    {
        Line = line;
    }

    public JinjaException()
    {
    }

    public JinjaException(string message)
        : base(message)
    {
    }

    public JinjaException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The template line (1-based), or 0 when unknown.</summary>
    public int Line { get; }
}
