namespace MmluSharp.LlamaCpp.Gguf;

/// <summary>A metadata array. Its items are kept only when it is short; its length always.</summary>
/// <param name="ElementType">The type of every element.</param>
/// <param name="Length">The number of elements the file declares.</param>
/// <param name="Items">The elements, or <c>null</c> when the array was longer than the reader keeps.</param>
internal sealed record GgufArray(GgufValueType ElementType, long Length, IReadOnlyList<object>? Items);
