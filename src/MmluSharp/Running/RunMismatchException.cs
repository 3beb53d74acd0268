namespace MmluSharp.Running;

/// <summary>A run folder holds a run with other settings; resuming it would mix two runs.</summary>
public sealed class RunMismatchException : Exception
{
    public RunMismatchException(string message) : base(message)
    {
    }

    public RunMismatchException(string message, Exception innerException) : base(message, innerException)
    {
    }

    public RunMismatchException()
    {
    }
}
