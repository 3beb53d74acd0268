namespace MmluSharp.LlamaCpp;

/// <summary>What a GGUF file says about its model, read from the header without loading the weights.</summary>
/// <param name="Path">The file.</param>
/// <param name="GgufVersion">The GGUF format version (2 or 3).</param>
/// <param name="Architecture"><c>general.architecture</c>, e.g. <c>llama</c>.</param>
/// <param name="Name"><c>general.name</c>, or <c>null</c>.</param>
/// <param name="ParameterCount">The sum of the element counts of all tensors (in all parts of a split model).</param>
/// <param name="TensorCount">The number of tensors (in all parts of a split model).</param>
/// <param name="FileSize">The file's size in bytes (all parts of a split model).</param>
/// <param name="VocabularySize">The number of tokens in <c>tokenizer.ggml.tokens</c> (0 when absent).</param>
/// <param name="ContextLength"><c>&lt;arch&gt;.context_length</c>: the context the model was trained with (0 when absent).</param>
/// <param name="EmbeddingLength"><c>&lt;arch&gt;.embedding_length</c> (0 when absent).</param>
/// <param name="BlockCount"><c>&lt;arch&gt;.block_count</c>: the number of layers (0 when absent).</param>
/// <param name="FileType">The quantization: <c>general.file_type</c> as llama.cpp names it, else the most common tensor type.</param>
/// <param name="ChatTemplate"><c>tokenizer.chat_template</c>, or <c>null</c>.</param>
/// <param name="Files">1, or the number of parts of a split model (<see cref="Path"/> is the first).</param>
public sealed record GgufModelInfo(
    string Path,
    int GgufVersion,
    string Architecture,
    string? Name,
    long ParameterCount,
    int TensorCount,
    long FileSize,
    int VocabularySize,
    int ContextLength,
    int EmbeddingLength,
    int BlockCount,
    string FileType,
    string? ChatTemplate,
    int Files = 1);
