namespace MmluSharp.Results;

/// <summary>What ran: the tool, the prompt, the command, when.</summary>
/// <param name="ToolVersion">mmlusharp's version.</param>
/// <param name="PromptStyle">The prompt style's name.</param>
/// <param name="PromptVersion">The prompt style's version.</param>
/// <param name="Grouping">The category mapping.</param>
/// <param name="CommandLine">The command that ran.</param>
/// <param name="Date">When it started.</param>
/// <param name="Extraction">How letters were read from generated answers (<c>--extract</c>); null for letter scoring.</param>
/// <param name="Limit">The <c>--limit</c> (first questions of each subject), or null when every question was asked.</param>
public sealed record RunProvenance(
    string ToolVersion,
    string PromptStyle,
    int PromptVersion,
    string Grouping,
    string CommandLine,
    DateTimeOffset Date,
    string? Extraction = null,
    int? Limit = null);
