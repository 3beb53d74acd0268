namespace MmluSharp.Prompting.Jinja;

/// <summary>What <see cref="JinjaFlow"/> carries.</summary>
internal enum JinjaFlowSignal
{
    /// <summary>Go on.</summary>
    None,

    /// <summary>Leave the loop.</summary>
    Break,

    /// <summary>Go to the loop's next item.</summary>
    Continue,
}
