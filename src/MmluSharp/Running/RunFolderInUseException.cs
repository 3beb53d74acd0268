namespace MmluSharp.Running;

/// <summary>Another process (a run or a merge) holds the run folder.</summary>
public sealed class RunFolderInUseException : IOException
{
    public RunFolderInUseException(string folder, int? processId, Exception innerException)
        : base(Describe(folder, processId), innerException)
    {
        Folder = folder;
        ProcessId = processId;
    }

    public RunFolderInUseException(string message) : base(message)
    {
        Folder = string.Empty;
    }

    public RunFolderInUseException(string message, Exception innerException) : base(message, innerException)
    {
        Folder = string.Empty;
    }

    public RunFolderInUseException()
    {
        Folder = string.Empty;
    }

    /// <summary>The folder in use.</summary>
    public string Folder { get; }

    /// <summary>The process holding it, when known.</summary>
    public int? ProcessId { get; }

    private static string Describe(string folder, int? processId) =>
        $"{folder} is in use by {(processId is int pid ? $"process {pid.ToString(System.Globalization.CultureInfo.InvariantCulture)}" : "another process")} "
        + "(an mmlu run or merge); wait for it to end or stop it, or choose another --out.";
}
