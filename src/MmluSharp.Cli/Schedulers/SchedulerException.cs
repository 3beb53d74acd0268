namespace MmluSharp.Cli.Schedulers;

/// <summary>The scheduler is not there or refused a job; the message is one line for the user.</summary>
internal sealed class SchedulerException : Exception
{
    public SchedulerException(string message) : base(message)
    {
    }

    public SchedulerException(string message, Exception innerException) : base(message, innerException)
    {
    }

    public SchedulerException()
    {
    }
}
