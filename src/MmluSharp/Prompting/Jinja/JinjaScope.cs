namespace MmluSharp.Prompting.Jinja;

/// <summary>
/// Variables visible at a point of a template: a <c>for</c> loop and a macro call open a scope of their own, so an
/// assignment inside them does not leak out (Jinja2's rule; <c>namespace()</c> is the way out). The scopes of one
/// rendering share its <see cref="Flow"/>.
/// </summary>
internal sealed class JinjaScope
{
    private readonly Dictionary<string, object?> variables = new(StringComparer.Ordinal);
    private readonly JinjaScope? parent;

    public JinjaScope(IReadOnlyDictionary<string, object?> globals)
    {
        foreach (var (name, value) in globals)
        {
            variables[name] = value;
        }

        Flow = new JinjaFlow();
    }

    private JinjaScope(JinjaScope parent, JinjaFlow flow)
    {
        this.parent = parent;
        Flow = flow;
    }

    /// <summary>A <c>{% break %}</c> or <c>{% continue %}</c> on its way to its loop.</summary>
    public JinjaFlow Flow { get; }

    public JinjaScope Child() => new(this, Flow);

    /// <summary>The variable's value, or <see cref="JinjaUndefined"/>.</summary>
    public object? Get(string name)
    {
        for (var scope = this; scope is not null; scope = scope.parent)
        {
            if (scope.variables.TryGetValue(name, out var value))
            {
                return value;
            }
        }

        return new JinjaUndefined($"'{name}'");
    }

    public void Set(string name, object? value) => variables[name] = value;
}
