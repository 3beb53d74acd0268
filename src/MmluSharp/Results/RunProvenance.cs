namespace MmluSharp.Results;

/// <summary>What ran: the tool, the prompt, the command, when.</summary>
public sealed record RunProvenance(
    string ToolVersion,
    string PromptStyle,
    int PromptVersion,
    string Grouping,
    string CommandLine,
    DateTimeOffset Date);
