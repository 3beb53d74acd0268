namespace MmluSharp.Prompting.Jinja;

/// <summary>Something a template can call: a global function, a macro, a method bound to a value, <c>loop.cycle</c>.</summary>
/// <param name="Name">For messages.</param>
/// <param name="Invoke">Takes the positional and the keyword arguments.</param>
internal sealed record JinjaCallable(string Name, Func<IReadOnlyList<object?>, IReadOnlyDictionary<string, object?>, object?> Invoke);
