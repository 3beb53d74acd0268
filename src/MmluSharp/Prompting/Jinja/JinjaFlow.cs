namespace MmluSharp.Prompting.Jinja;

/// <summary>Whether the statements of a loop body stop early: set by <c>break</c> and <c>continue</c>, cleared by the loop.</summary>
internal sealed class JinjaFlow
{
    public JinjaFlowSignal Signal { get; set; }
}
