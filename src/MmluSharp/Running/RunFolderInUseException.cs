namespace MmluSharp.Running;

/// <summary>Another process (a run or a merge) holds the run folder.</summary>
public sealed class RunFolderInUseException : IOException, IMentionsOptions
{
    private readonly FormattableString? text;

    /// <summary>Creates the exception for <paramref name="folder"/>, naming the process that holds it when known.</summary>
    /// <param name="folder">The folder in use.</param>
    /// <param name="processId">The process holding it, or null.</param>
    /// <param name="innerException">The failure to take the lock.</param>
    public RunFolderInUseException(string folder, int? processId, Exception innerException)
        : this(Describe(folder, processId), innerException)
    {
        Folder = folder;
        ProcessId = processId;
    }

    /// <summary>Creates the exception with a one-line message.</summary>
    /// <param name="message">The message.</param>
    public RunFolderInUseException(string message) : base(message)
    {
        Folder = string.Empty;
    }

    /// <summary>Creates the exception with a one-line message and the failure underneath.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The failure underneath.</param>
    public RunFolderInUseException(string message, Exception innerException) : base(message, innerException)
    {
        Folder = string.Empty;
    }

    /// <summary>Creates the exception with a default message.</summary>
    public RunFolderInUseException()
    {
        Folder = string.Empty;
    }

    private RunFolderInUseException(FormattableString text, Exception innerException)
        : base(OptionText.Render(text), innerException)
    {
        this.text = text;
        Folder = string.Empty;
    }

    /// <summary>The folder in use.</summary>
    public string Folder { get; }

    /// <summary>The process holding it, when known.</summary>
    public int? ProcessId { get; }

    /// <inheritdoc />
    public string Describe(Func<string, string> nameOf) => text is null ? Message : OptionText.Render(text, nameOf);

    private static FormattableString Describe(string folder, int? processId) =>
        $"{folder} is in use by {(processId is int pid ? $"process {pid.ToString(System.Globalization.CultureInfo.InvariantCulture)}" : "another process")} (an mmlu run or merge); wait for it to end or stop it, or choose another {OptionText.Mention(nameof(EvaluationOptions.OutputFolder))}.";
}
