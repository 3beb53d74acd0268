using System.Text.Json.Serialization;

namespace MmluSharp.Datasets;

/// <summary>A row of a Hugging Face <c>cais/mmlu</c> parquet file, as Parquet.Net deserialises it (all nullable).</summary>
internal sealed class HfMmluRow
{
    [JsonPropertyName("question")]
    public string? Question { get; set; }

    [JsonPropertyName("subject")]
    public string? Subject { get; set; }

    [JsonPropertyName("choices")]
    public List<string?>? Choices { get; set; }

    [JsonPropertyName("answer")]
    public long? Answer { get; set; }
}
