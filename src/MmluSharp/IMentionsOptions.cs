namespace MmluSharp;

/// <summary>
/// An error whose message mentions options of the library by their names (e.g. <c>OutputFolder</c>, a property of
/// <see cref="EvaluationOptions"/>), as in "choose another OutputFolder". A tool with its own names for the options
/// (a command line's <c>--out</c>) shows the same message with <see cref="Describe"/>.
/// </summary>
public interface IMentionsOptions
{
    /// <summary>The message with every option named by <paramref name="nameOf"/> (e.g. <c>OutputFolder</c> → <c>--out</c>).</summary>
    /// <param name="nameOf">The reader's name for an option of the library.</param>
    /// <returns>The message.</returns>
    string Describe(Func<string, string> nameOf);
}
