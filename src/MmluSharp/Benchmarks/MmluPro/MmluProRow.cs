using System.Text.Json.Serialization;

namespace MmluSharp.Benchmarks.MmluPro;

/// <summary>A row of a <c>TIGER-Lab/MMLU-Pro</c> parquet file, as Parquet.Net deserialises it (all nullable).</summary>
internal sealed class MmluProRow
{
    [JsonPropertyName("question_id")]
    public long? QuestionId { get; set; }

    [JsonPropertyName("question")]
    public string? Question { get; set; }

    [JsonPropertyName("options")]
    public List<string?>? Options { get; set; }

    [JsonPropertyName("answer")]
    public string? Answer { get; set; }

    [JsonPropertyName("answer_index")]
    public long? AnswerIndex { get; set; }

    [JsonPropertyName("cot_content")]
    public string? CotContent { get; set; }

    [JsonPropertyName("category")]
    public string? Category { get; set; }

    [JsonPropertyName("src")]
    public string? Src { get; set; }
}
