namespace MmluSharp.LlamaCpp.Scoring;

/// <summary>What a tokenizer guarantees at a newline, which decides the tokenization shortcuts <see cref="PromptTokenizer"/> may take.</summary>
internal enum NewlineRule
{
    /// <summary>Nothing known: every prompt and continuation is tokenized in full.</summary>
    None,

    /// <summary>
    /// SentencePiece whose vocabulary has no piece holding a newline (only its byte token): llama.cpp's merges join
    /// adjacent symbols into pieces of the vocabulary, so no merge ever crosses a newline, and the dummy-prefix space
    /// is added only at the very start. Hence <c>tokens(X + Y) = tokens(X) + seg(Y)</c> whenever <c>X</c> ends with a
    /// newline, where <c>seg(Y)</c> is <c>Y</c>'s tokens without the dummy prefix.
    /// </summary>
    Separable,

    /// <summary>
    /// Byte-pair encoding: llama.cpp splits the text into words with its pre-tokenizer's expression and merges inside
    /// each word. Every pre-tokenizer it has starts a word at a letter that follows a newline (a newline is never part
    /// of a letter run), so the text after the last newline, when it starts with a letter, tokenizes the same alone
    /// as at the end of any prompt, and with a continuation appended.
    /// </summary>
    WordAfterNewline,
}
