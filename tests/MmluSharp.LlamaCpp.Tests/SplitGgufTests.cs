using MmluSharp.Testing;

namespace MmluSharp.LlamaCpp.Tests;

/// <summary>Split GGUFs as llama.cpp's gguf-split writes them (made at test time from stories260K.gguf).</summary>
public sealed class SplitGgufTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("mmlu-split-").FullName;
    private readonly string[] _parts;

    public SplitGgufTests()
    {
        var pieces = GgufSplitter.Split(File.ReadAllBytes(SharedData.Model(Models.Stories)), 3);
        _parts = [.. pieces.Select((bytes, i) =>
        {
            var path = Path.Combine(_dir, $"stories-F32-{i + 1:D5}-of-00003.gguf");
            File.WriteAllBytes(path, bytes);
            return path;
        })];
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void The_first_part_describes_the_whole_set()
    {
        var whole = GgufInspector.Read(SharedData.Model(Models.Stories));
        var split = GgufInspector.Read(_parts[0]);

        Assert.Equal(3, split.Files);
        Assert.Equal(_parts[0], split.Path);
        Assert.Equal(whole.ParameterCount, split.ParameterCount);
        Assert.Equal(whole.TensorCount, split.TensorCount);
        Assert.Equal(_parts.Sum(p => new FileInfo(p).Length), split.FileSize);
        Assert.Equal(whole.VocabularySize, split.VocabularySize);
        Assert.Equal(whole.FileType, split.FileType);
    }

    [Fact]
    public void A_later_part_names_the_first()
    {
        var e = Assert.Throws<ModelLoadException>(() => GgufInspector.Read(_parts[1]));
        Assert.Equal($"{_parts[1]}: is part 2 of 3 of a split model; pass the first part, stories-F32-00001-of-00003.gguf", e.Message);
    }

    [Fact]
    public void A_missing_part_is_named()
    {
        File.Delete(_parts[2]);
        var e = Assert.Throws<ModelLoadException>(() => GgufInspector.Read(_parts[0]));
        Assert.Equal($"{_parts[2]}: file not found (part 3 of 3 of stories-F32-00001-of-00003.gguf)", e.Message);
    }

    [Fact]
    public void A_part_from_another_set_is_refused()
    {
        File.Copy(_parts[1], _parts[2], overwrite: true);
        var e = Assert.Throws<ModelLoadException>(() => GgufInspector.Read(_parts[0]));
        Assert.Equal($"{_parts[2]}: says it is part 2 of 3, expected part 3 of 3", e.Message);
    }

    [Fact]
    public async Task Llama_cpp_loads_the_set_and_scores_exactly_as_the_single_file()
    {
        var requests = MmluPrompts.Build("anatomy", 2, shots: 1);
        using var whole = Models.Load(Models.Stories, new LlamaCppOptions { ExactKv = true, Threads = 1 });
        using var split = LlamaCppModel.Load(_parts[0], new LlamaCppOptions { ExactKv = true, Threads = 1 });

        var expected = await whole.ScoreAllAsync(requests);
        var actual = await split.ScoreAllAsync(requests);

        foreach (var request in requests)
        {
            Assert.Equal(expected[request.Id].LogProbabilities, actual[request.Id].LogProbabilities);
        }
    }
}
