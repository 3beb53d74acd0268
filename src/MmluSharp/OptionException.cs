using System.Runtime.CompilerServices;

namespace MmluSharp;

/// <summary>
/// An option that cannot be honoured, named as the library calls it (e.g. <c>Shots</c>, a property of
/// <see cref="EvaluationOptions"/>). The message is one line: the option, then the problem. A tool with its own names
/// for the options (a command line's <c>--shots</c>) shows the same line with <see cref="Describe"/>.
/// </summary>
public class OptionException : ArgumentException, IMentionsOptions
{
    private readonly FormattableString? problem;

    /// <summary>Creates the exception for <paramref name="option"/>.</summary>
    /// <param name="option">The option's name, e.g. <c>Shots</c>.</param>
    /// <param name="problem">What is wrong with it, the words that follow the name, e.g. <c>must be between 0 and 5.</c></param>
    public OptionException(string option, string problem)
        : this(option, FormattableStringFactory.Create("{0}", problem))
    {
    }

    /// <summary>Creates the exception with a default message.</summary>
    public OptionException()
    {
        Option = string.Empty;
    }

    /// <summary>Creates the exception with a message that names no option.</summary>
    /// <param name="message">The message.</param>
    public OptionException(string message)
        : base(message)
    {
        Option = string.Empty;
    }

    /// <summary>Creates the exception with a message that names no option, and the failure underneath.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The failure underneath.</param>
    public OptionException(string message, Exception innerException)
        : base(message, innerException)
    {
        Option = string.Empty;
    }

    private OptionException(string option, FormattableString problem)
        : base(null, option)
    {
        Option = option;
        this.problem = problem;
    }

    /// <summary>The option's name as the library calls it, e.g. <c>Shots</c>; empty when none is named.</summary>
    public string Option { get; }

    /// <summary>What is wrong, the words that follow the option's name.</summary>
    public string Problem => problem is null ? base.Message : OptionText.Render(problem);

    /// <summary>The message: the option and the problem on one line (no <c>(Parameter …)</c> suffix).</summary>
    public override string Message => Describe(name => name);

    /// <summary>The message with every option named by <paramref name="nameOf"/> (e.g. <c>Shots</c> → <c>--shots</c>).</summary>
    /// <param name="nameOf">The reader's name for an option of the library.</param>
    public string Describe(Func<string, string> nameOf)
    {
        ArgumentNullException.ThrowIfNull(nameOf);
        return problem is null ? base.Message : $"{nameOf(Option)} {OptionText.Render(problem, nameOf)}";
    }

    /// <summary>The exception for <paramref name="option"/>, whose problem mentions other options with <see cref="Mention"/>.</summary>
    internal static OptionException Mentioning(string option, FormattableString problem) => new(option, problem);

    /// <summary>Another option, mentioned in a problem: rendered with the reader's name for it.</summary>
    internal static object Mention(string option) => OptionText.Mention(option);
}
