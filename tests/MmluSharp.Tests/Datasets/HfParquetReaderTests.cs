using MmluSharp.Datasets;
using Parquet.Serialization;

namespace MmluSharp.Tests.Datasets;

public sealed class HfParquetReaderTests : IDisposable
{
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    private async Task<string> WriteAsync(params HfMmluRow[] rows)
    {
        var path = Path.Combine(temp.Path, "test-00000-of-00001.parquet");
        await ParquetSerializer.SerializeAsync(rows, path);
        return path;
    }

    private static HfMmluRow Row(string subject, string question, long? answer, params string?[] choices) =>
        new() { Subject = subject, Question = question, Answer = answer, Choices = [.. choices] };

    [Fact]
    public async Task A_cais_mmlu_shaped_file_round_trips_with_per_subject_indices()
    {
        var path = await WriteAsync(
            Row("abstract_algebra", "Find the degree.", 1, "0", "4", "2", "6"),
            Row("abstract_algebra", " Leading space,\r\nand CRLF \"quoted\"", 3, "a", "b", "c", "\u00a0d"),
            Row("anatomy", "Which bone?", 0, "Femur", "Tibia", "Ulna", "Radius"),
            Row("abstract_algebra", "Back again", 2, "w", "x", "y", "z"));

        var questions = await HfParquetReader.ReadAsync(path, "test");

        Assert.Equal(
            [
                new Question("mmlu", "abstract_algebra", "test", 0, "Find the degree.", ["0", "4", "2", "6"], 1),
                new Question("mmlu", "abstract_algebra", "test", 1, " Leading space,\r\nand CRLF \"quoted\"", ["a", "b", "c", "\u00a0d"], 3),
                new Question("mmlu", "anatomy", "test", 0, "Which bone?", ["Femur", "Tibia", "Ulna", "Radius"], 0),
                new Question("mmlu", "abstract_algebra", "test", 2, "Back again", ["w", "x", "y", "z"], 2),
            ],
            questions,
            QuestionComparer.Instance);
    }

    [Fact]
    public async Task The_real_dev_split_round_trips_through_parquet()
    {
        var original = new MmluDirectory(Testing.SharedData.Mmlu).ReadSplit("dev");
        var path = await WriteAsync([.. original.Select(q => Row(q.Subject, q.Text, q.AnswerIndex, [.. q.Choices]))]);

        var read = await HfParquetReader.ReadAsync(path, "dev");

        Assert.Equal(original, read, QuestionComparer.Instance);
    }

    [Fact]
    public async Task An_answer_out_of_range_names_the_row()
    {
        var path = await WriteAsync(Row("anatomy", "Q", 0, "a", "b", "c", "d"), Row("anatomy", "Q", 4, "a", "b", "c", "d"));
        var e = await Assert.ThrowsAsync<DatasetException>(() => HfParquetReader.ReadAsync(path, "test"));
        Assert.Equal($"{path}: row 2: answer must be 0-3, found 4", e.Message);
    }

    [Fact]
    public async Task Three_choices_or_a_null_answer_are_rejected()
    {
        var three = await WriteAsync(Row("anatomy", "Q", 0, "a", "b", "c"));
        Assert.Contains("row 1: expected 4 non-null choices, found 3", (await Assert.ThrowsAsync<DatasetException>(() => HfParquetReader.ReadAsync(three, "test"))).Message, StringComparison.Ordinal);

        var nullAnswer = await WriteAsync(Row("anatomy", "Q", 0, "a", "b", "c", "d"), Row("anatomy", "Q", null, "a", "b", "c", "d"));
        Assert.Contains("row 2: a null question", (await Assert.ThrowsAsync<DatasetException>(() => HfParquetReader.ReadAsync(nullAnswer, "test"))).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_that_is_not_parquet_is_a_dataset_error()
    {
        var path = temp.Write("fake.parquet", "question,A,B,C,D,answer\n");
        var e = await Assert.ThrowsAsync<DatasetException>(() => HfParquetReader.ReadAsync(path, "test"));
        Assert.StartsWith($"{path}: not a readable cais/mmlu parquet file", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_file_is_named()
    {
        var path = Path.Combine(temp.Path, "missing.parquet");
        var e = await Assert.ThrowsAsync<DatasetException>(() => HfParquetReader.ReadAsync(path, "test"));
        Assert.Equal($"{path}: file not found", e.Message);
    }
}
