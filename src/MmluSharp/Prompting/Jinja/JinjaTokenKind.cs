namespace MmluSharp.Prompting.Jinja;

/// <summary>The kinds of <see cref="JinjaToken"/>.</summary>
internal enum JinjaTokenKind
{
    /// <summary>Template text outside tags, whitespace control already applied.</summary>
    Text,

    /// <summary><c>{{</c>: an expression to print follows, up to <see cref="TagEnd"/>.</summary>
    PrintStart,

    /// <summary><c>{%</c>: a statement follows, up to <see cref="TagEnd"/>.</summary>
    StatementStart,

    /// <summary>The end of a tag.</summary>
    TagEnd,

    /// <summary>A name (also <c>and</c>, <c>if</c>, <c>true</c>, …).</summary>
    Name,

    /// <summary>A string literal, decoded.</summary>
    String,

    /// <summary>An integer or float literal.</summary>
    Number,

    /// <summary>An operator or punctuation.</summary>
    Operator,

    /// <summary>The end of the template.</summary>
    End,
}
