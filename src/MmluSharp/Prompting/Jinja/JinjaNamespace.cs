namespace MmluSharp.Prompting.Jinja;

/// <summary><c>namespace(…)</c>: the one object whose attributes a template may assign (<c>{% set ns.found = true %}</c>), even inside a loop.</summary>
internal sealed class JinjaNamespace
{
    public Dictionary<string, object?> Attributes { get; } = new(StringComparer.Ordinal);
}
