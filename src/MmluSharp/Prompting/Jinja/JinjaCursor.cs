namespace MmluSharp.Prompting.Jinja;

/// <summary>A position in a template's tokens, with the checks a parser needs.</summary>
internal sealed class JinjaCursor(List<JinjaToken> tokens)
{
    private int at;

    public JinjaToken Current => tokens[at];

    public JinjaToken Peek(int ahead = 1) => tokens[Math.Min(at + ahead, tokens.Count - 1)];

    public JinjaToken Next() => tokens[at < tokens.Count - 1 ? at++ : at];

    /// <summary>Consumes the current token if it is the operator <paramref name="op"/>.</summary>
    public bool Accept(string op)
    {
        if (!Current.IsOperator(op))
        {
            return false;
        }

        at++;
        return true;
    }

    /// <summary>Consumes the current token if it is the name <paramref name="name"/>.</summary>
    public bool AcceptName(string name)
    {
        if (!Current.IsName(name))
        {
            return false;
        }

        at++;
        return true;
    }

    public void Expect(string op)
    {
        if (!Accept(op))
        {
            throw Unexpected($"'{op}'");
        }
    }

    public string ExpectName()
    {
        if (Current.Kind != JinjaTokenKind.Name)
        {
            throw Unexpected("a name");
        }

        return Next().Text;
    }

    public void ExpectTagEnd()
    {
        if (Current.Kind != JinjaTokenKind.TagEnd)
        {
            throw Unexpected("the end of the tag");
        }

        at++;
    }

    public JinjaException Unexpected(string expected) => new(
        $"expected {expected}, found {Current.Kind switch
        {
            JinjaTokenKind.TagEnd => "the end of the tag",
            JinjaTokenKind.End => "the end of the template",
            JinjaTokenKind.Text => "text",
            _ => $"'{Current.Text}'",
        }}",
        Current.Line);
}
