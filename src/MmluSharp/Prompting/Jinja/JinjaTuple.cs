namespace MmluSharp.Prompting.Jinja;

/// <summary>A Python tuple: a list that prints as <c>(a, b)</c> (<c>(a,)</c> for one item) and never equals a list.</summary>
internal sealed class JinjaTuple : List<object?>
{
    public JinjaTuple(IEnumerable<object?> items)
        : base(items)
    {
    }
}
