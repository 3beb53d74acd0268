namespace MmluSharp.Prompting.Jinja;

/// <summary>Jinja2's tests (<c>x is defined</c>, <c>x is string</c>, …) that chat templates use.</summary>
internal static class JinjaTests
{
    private static readonly Dictionary<string, Func<object?, JinjaArguments, bool>> All = new(StringComparer.Ordinal)
    {
        ["defined"] = (x, _) => x is not JinjaUndefined,
        ["undefined"] = (x, _) => x is JinjaUndefined,
        ["none"] = (x, _) => x is null,
        ["boolean"] = (x, _) => x is bool,
        ["true"] = (x, _) => x is true,
        ["false"] = (x, _) => x is false,
        ["integer"] = (x, _) => x is long,
        ["float"] = (x, _) => x is double,
        ["number"] = (x, _) => x is long or double,
        ["string"] = (x, _) => x is string,
        ["mapping"] = (x, _) => x is Dictionary<string, object?> or JinjaNamespace,
        ["iterable"] = (x, _) => x is string or List<object?> or Dictionary<string, object?>,
        ["sequence"] = (x, _) => x is string or List<object?> or Dictionary<string, object?>,
        ["callable"] = (x, _) => x is JinjaCallable,
        ["sameas"] = (x, a) => ReferenceEquals(x, a.Get(0, "other")) || (x is null && a.Get(0, "other") is null) || (x is bool b && a.Get(0, "other") is bool c && b == c),
        ["eq"] = (x, a) => JinjaValues.Equals(x, a.Get(0, "b")),
        ["ne"] = (x, a) => !JinjaValues.Equals(x, a.Get(0, "b")),
        ["lt"] = (x, a) => JinjaValues.Compare(x, a.Get(0, "b"), a.Line) < 0,
        ["le"] = (x, a) => JinjaValues.Compare(x, a.Get(0, "b"), a.Line) <= 0,
        ["gt"] = (x, a) => JinjaValues.Compare(x, a.Get(0, "b"), a.Line) > 0,
        ["ge"] = (x, a) => JinjaValues.Compare(x, a.Get(0, "b"), a.Line) >= 0,
        ["in"] = (x, a) => JinjaValues.Contains(a.Get(0, "seq"), x, a.Line),
        ["divisibleby"] = (x, a) => JinjaValues.ToLong(a.Get(0, "num")) is var n && n != 0 && JinjaValues.ToLong(x) % n == 0,
        ["even"] = (x, _) => JinjaValues.ToLong(x) % 2 == 0,
        ["odd"] = (x, _) => JinjaValues.ToLong(x) % 2 != 0,
        ["lower"] = (x, _) => x is string s && s == s.ToLowerInvariant(),
        ["upper"] = (x, _) => x is string s && s == s.ToUpperInvariant(),
    };

    private static readonly Dictionary<string, string> Aliases = new(StringComparer.Ordinal)
    {
        ["=="] = "eq", ["equalto"] = "eq", ["!="] = "ne", ["<"] = "lt", ["lessthan"] = "lt", ["<="] = "le",
        [">"] = "gt", ["greaterthan"] = "gt", [">="] = "ge",
    };

    /// <summary>The test called <paramref name="name"/>.</summary>
    /// <exception cref="JinjaException">No such test here.</exception>
    public static Func<object?, JinjaArguments, bool> Get(string name, int line) =>
        All.TryGetValue(Aliases.GetValueOrDefault(name, name), out var test)
            ? test
            : throw new JinjaException($"the test '{name}' is not supported", line);
}
