namespace MmluSharp.Prompting.Jinja;

/// <summary>The arguments of a filter, test or function call: positional first, then by keyword.</summary>
internal sealed record JinjaArguments(IReadOnlyList<object?> Positional, IReadOnlyDictionary<string, object?> Named, int Line)
{
    /// <summary>The argument at <paramref name="index"/> or named <paramref name="name"/>, else <paramref name="fallback"/>.</summary>
    public object? Get(int index, string name, object? fallback = null) =>
        index >= 0 && index < Positional.Count ? Positional[index] : Named.TryGetValue(name, out var value) ? value : fallback;

    public bool Has(int index, string name) => (index >= 0 && index < Positional.Count) || Named.ContainsKey(name);

    public string? Text(int index, string name) => Get(index, name) switch
    {
        null or JinjaUndefined => null,
        string s => s,
        var other => throw new JinjaException($"argument '{name}' must be a string, not {JinjaValues.TypeName(other)}", Line),
    };

    public bool Flag(int index, string name) => JinjaValues.Truthy(Get(index, name, false));
}
