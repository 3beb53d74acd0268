using System.Text;

namespace MmluSharp.Prompting.Jinja;

/// <summary>
/// A Jinja2 template as Hugging Face renders chat templates (<c>ImmutableSandboxedEnvironment(trim_blocks=True,
/// lstrip_blocks=True)</c> with loop controls, <c>tojson</c> and <c>raise_exception</c>), compiled once and rendered many
/// times. It covers the syntax of the chat templates models ship; anything else is refused when the template is read,
/// naming the line, never rendered approximately.
/// </summary>
internal sealed class JinjaTemplate
{
    private readonly JinjaStatement body;

    private JinjaTemplate(JinjaStatement body) => this.body = body;

    /// <exception cref="JinjaException">A syntax error or an unsupported construct.</exception>
    public static JinjaTemplate Parse(string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return new JinjaTemplate(new JinjaStatementParser(JinjaLexer.Tokenize(source)).Template());
    }

    /// <exception cref="JinjaException">Rendering failed, or the template raised an exception (<see cref="JinjaRaisedException"/>).</exception>
    public string Render(IReadOnlyDictionary<string, object?> variables)
    {
        var scope = new JinjaScope(JinjaGlobals.All).Child();
        foreach (var (name, value) in variables)
        {
            scope.Set(name, value);
        }

        var output = new StringBuilder();
        try
        {
            body(scope, output);
        }
        catch (Exception e) when (e is InvalidCastException or ArgumentException or IndexOutOfRangeException or OverflowException)
        {
            throw new JinjaException($"rendering failed ({e.Message})", e);
        }

        return output.ToString();
    }
}
