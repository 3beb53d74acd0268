namespace MmluSharp.Running;

/// <summary>A run folder holds a run with other settings; resuming it would mix two runs.</summary>
public sealed class RunMismatchException : Exception
{
    /// <summary>Creates the exception with a one-line message.</summary>
    /// <param name="message">The message, naming what is wrong.</param>
    public RunMismatchException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception with a one-line message and the failure underneath.</summary>
    /// <param name="message">The message, naming what is wrong.</param>
    /// <param name="innerException">The failure underneath.</param>
    public RunMismatchException(string message, Exception innerException) : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with a default message.</summary>
    public RunMismatchException()
    {
    }
}
