namespace MmluSharp.Prompting.Jinja;

/// <summary>A token of a template: literal text, the start of an output or statement tag, or a token inside one.</summary>
/// <param name="Kind">What it is.</param>
/// <param name="Text">The literal text, name, operator, or a string literal's decoded value.</param>
/// <param name="Line">The 1-based line of the template it starts on.</param>
/// <param name="Number">A number literal's value (a <see cref="long"/> or a <see cref="double"/>).</param>
internal readonly record struct JinjaToken(JinjaTokenKind Kind, string Text, int Line, object? Number = null)
{
    public bool Is(JinjaTokenKind kind, string text) => Kind == kind && Text == text;

    public bool IsName(string name) => Is(JinjaTokenKind.Name, name);

    public bool IsOperator(string op) => Is(JinjaTokenKind.Operator, op);
}
