namespace MmluSharp.Prompting.Jinja;

/// <summary>
/// Jinja2's default <c>Undefined</c>: what a missing variable, key or attribute evaluates to. It prints as nothing, is
/// false, iterates as empty and fails <c>is defined</c>; using it any further (an attribute, a call) is an error.
/// </summary>
internal sealed class JinjaUndefined(string name)
{
    /// <summary>What was missing, e.g. <c>'tools'</c> or <c>'dict object' has no attribute 'x'</c>, for messages.</summary>
    public string Name { get; } = name;

    public override string ToString() => string.Empty;
}
