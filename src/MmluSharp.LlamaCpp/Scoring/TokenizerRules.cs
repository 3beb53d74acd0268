using System.Text;
using LLama;
using LLama.Native;

namespace MmluSharp.LlamaCpp.Scoring;

/// <summary>Decides a loaded vocabulary's <see cref="NewlineRule"/> and tokenizes with it.</summary>
internal static class TokenizerRules
{
    // BPE pre-tokenizers whose expressions never put a newline and a following letter in one word (checked one by one:
    // a letter run takes at most one leading space or non-newline character).
    private static readonly HashSet<string> WordSplitting = new(StringComparer.Ordinal) { "default", "gpt-2", "llama-bpe", "llama3", "qwen2" };

    /// <summary>
    /// <see cref="NewlineRule.Separable"/> for SentencePiece with no piece but the newline byte holding a newline,
    /// <see cref="NewlineRule.WordAfterNewline"/> for BPE with a known pre-tokenizer (GGUF <c>tokenizer.ggml.pre</c>,
    /// absent meaning <c>default</c>), else <see cref="NewlineRule.None"/>.
    /// </summary>
    public static NewlineRule Of(LLamaWeights weights)
    {
        var vocabulary = weights.NativeHandle.Vocab;
        var pre = weights.Metadata.GetValueOrDefault("tokenizer.ggml.pre") ?? "default";
        return vocabulary.Type switch
        {
            LLamaVocabType.SentencePiece when !AnyPieceHoldsNewline(weights) => NewlineRule.Separable,
            LLamaVocabType.BytePairEncoding when WordSplitting.Contains(pre) => NewlineRule.WordAfterNewline,
            _ => NewlineRule.None,
        };
    }

    /// <summary>
    /// <c>tokens(text)</c> with the vocabulary's BOS, as llama.cpp tokenizes text that holds no special tokens, or with
    /// them parsed (<paramref name="special"/>: text a chat template rendered).
    /// </summary>
    public static int[] Tokenize(LLamaWeights weights, string text, bool special = false) =>
        [.. weights.Tokenize(text, add_bos: true, special: special, Encoding.UTF8).Select(t => (int)t)];

    private static bool AnyPieceHoldsNewline(LLamaWeights weights)
    {
        var model = weights.NativeHandle;
        var vocabulary = model.Vocab;
        Span<byte> piece = stackalloc byte[256];
        for (var id = 0; id < vocabulary.Count; id++)
        {
            var token = (LLamaToken)id;
            if (token.GetAttributes(vocabulary).HasFlag(LLamaTokenAttr.Byte))
            {
                continue;
            }

            var length = (int)model.TokenToSpan(token, piece, 0, true);
            if (length > piece.Length || piece[..length].Contains((byte)'\n'))
            {
                return true;
            }
        }

        return false;
    }
}
