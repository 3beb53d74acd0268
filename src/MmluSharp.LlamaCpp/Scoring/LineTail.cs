namespace MmluSharp.LlamaCpp.Scoring;

/// <summary>A prompt's last line and one continuation, tokenized as segments (see <see cref="PromptTokenizer"/>).</summary>
/// <param name="Line"><c>seg(line)</c>: the tokens a prompt ending with this line ends with.</param>
/// <param name="Back">How many of those last tokens <c>seg(line + continuation)</c> does not share.</param>
/// <param name="Tokens">What <c>seg(line + continuation)</c> has after the shared ones: the continuation's tokens.</param>
internal sealed record LineTail(int[] Line, int Back, int[] Tokens);
