using MmluSharp.Cli.Schedulers;
using MmluSharp.Datasets;
using MmluSharp.LlamaCpp;
using MmluSharp.Models.Hub;
using MmluSharp.OpenAI;
using MmluSharp.Running;
using Spectre.Console;
using Spectre.Console.Cli;

namespace MmluSharp.Cli.Terminal;

/// <summary>
/// The edge where errors users can cause become one line and an exit code: 2 for bad input, 130 for Ctrl+C.
/// Anything else is a bug in mmlu and says so, still without a stack trace unless MMLU_DEBUG is set.
/// </summary>
internal static class ErrorReporter
{
    public const int BadInput = 2;
    public const int Interrupted = 130;

    public static int Report(Exception exception, IAnsiConsole console, IReadOnlyList<string>? args = null)
    {
        // Work done in parallel (reading a folder's files) fails with the first of its errors.
        while (exception is AggregateException { InnerExceptions.Count: > 0 } aggregate)
        {
            exception = aggregate.InnerExceptions[0];
        }

        var (code, message) = exception switch
        {
            OperationCanceledException => (Interrupted, "interrupted; everything scored so far is saved: run the same command to continue."),
            OptionException option => (BadInput, OptionNames.Describe(option)),
            IMentionsOptions mentions => (BadInput, mentions.Describe(OptionNames.FlagOf)),
            DatasetException or ModelLoadException or RunMismatchException or EndpointException or SchedulerException or HubException => (BadInput, exception.Message),
            CommandRuntimeException when OptionValueError.Describe(exception, args ?? []) is { } line => (BadInput, line),
            CommandAppException => (BadInput, exception.Message),
            System.ClientModel.ClientResultException http => (BadInput, $"the chat server failed: {http.Message}"),
            FileNotFoundException f => (BadInput, $"{f.FileName ?? "file"}: not found"),
            DirectoryNotFoundException or UnauthorizedAccessException or IOException => (BadInput, exception.Message),
            InvalidDataException => (BadInput, exception.Message),
            ArgumentException => (BadInput, exception.Message),
            _ => (1, $"unexpected error ({exception.GetType().Name}): {exception.Message}"),
        };

        console.MarkupLineInterpolated($"[red]error:[/] {message}");
        if (Environment.GetEnvironmentVariable("MMLU_DEBUG") == "1")
        {
            console.WriteException(exception);
        }

        return code;
    }
}
