using MmluSharp.Models.Hub;

namespace MmluSharp.Tests.Hub;

/// <summary>The file choice of llama.cpp's <c>-hf</c>, on file lists shaped like real GGUF repositories.</summary>
public class HubFileSelectorTests
{
    private static readonly string[] Bartowski =
    [
        ".gitattributes", "README.md",
        "Qwen2.5-7B-Instruct-IQ4_XS.gguf", "Qwen2.5-7B-Instruct-Q4_K_M.gguf", "Qwen2.5-7B-Instruct-Q4_K_S.gguf",
        "Qwen2.5-7B-Instruct-Q8_0.gguf", "Qwen2.5-7B-Instruct-f16.gguf", "Qwen2.5-7B-Instruct.imatrix.gguf",
        "mmproj-Qwen2.5-7B-Instruct-f16.gguf",
    ];

    private static readonly string[] Unsloth =
    [
        "BF16/Model-BF16-00001-of-00002.gguf", "BF16/Model-BF16-00002-of-00002.gguf",
        "Q8_0/Model-Q8_0-00001-of-00003.gguf", "Q8_0/Model-Q8_0-00002-of-00003.gguf", "Q8_0/Model-Q8_0-00003-of-00003.gguf",
        "Model-UD-Q4_K_XL.gguf", "mmproj-F16.gguf",
    ];

    private static IReadOnlyList<string> Select(string[] files, string reference) =>
        HubFileSelector.Select(files, HubReference.Parse(reference), "o/r@main");

    [Theory]
    [InlineData("o/r", "Qwen2.5-7B-Instruct-Q4_K_M.gguf")]
    [InlineData("o/r:Q8_0", "Qwen2.5-7B-Instruct-Q8_0.gguf")]
    [InlineData("o/r:q4_k_s", "Qwen2.5-7B-Instruct-Q4_K_S.gguf")]
    [InlineData("o/r:F16", "Qwen2.5-7B-Instruct-f16.gguf")]
    [InlineData("o/r:IQ4_XS", "Qwen2.5-7B-Instruct-IQ4_XS.gguf")]
    public void A_tag_picks_the_model_of_that_quantization_and_never_a_projector_or_imatrix(string reference, string expected) =>
        Assert.Equal([expected], Select(Bartowski, reference));

    [Fact]
    public void Without_a_tag_Q4_K_M_is_preferred_then_Q8_0()
    {
        string[] noQ4 = [.. Bartowski.Where(f => !f.Contains("Q4_K_M", StringComparison.Ordinal))];
        Assert.Equal(["Qwen2.5-7B-Instruct-Q8_0.gguf"], Select(noQ4, "o/r"));
    }

    [Fact]
    public void A_split_model_comes_as_its_whole_set_in_part_order()
    {
        Assert.Equal(["Q8_0/Model-Q8_0-00001-of-00003.gguf", "Q8_0/Model-Q8_0-00002-of-00003.gguf", "Q8_0/Model-Q8_0-00003-of-00003.gguf"], Select(Unsloth, "o/r"));
        Assert.Equal(["BF16/Model-BF16-00001-of-00002.gguf", "BF16/Model-BF16-00002-of-00002.gguf"], Select(Unsloth, "o/r:bf16"));
        Assert.Equal(["Model-UD-Q4_K_XL.gguf"], Select(Unsloth, "o/r:UD-Q4_K_XL"));
    }

    [Fact]
    public void Naming_any_part_of_a_split_set_gives_the_whole_set()
    {
        Assert.Equal(
            ["BF16/Model-BF16-00001-of-00002.gguf", "BF16/Model-BF16-00002-of-00002.gguf"],
            Select(Unsloth, "o/r/bf16/model-bf16-00002-of-00002.gguf"));
    }

    [Fact]
    public void A_split_set_with_a_missing_part_is_refused()
    {
        string[] broken = [.. Unsloth.Where(f => !f.Contains("00002-of-00003", StringComparison.Ordinal))];
        var e = Assert.Throws<HubException>(() => Select(broken, "o/r:Q8_0"));
        Assert.Equal("o/r@main: the split set Q8_0/Model-Q8_0-00001-of-00003.gguf lacks part 2 of 3 (Q8_0/Model-Q8_0-00002-of-00003.gguf)", e.Message);
    }

    [Fact]
    public void An_exact_file_must_be_a_gguf()
    {
        var e = Assert.Throws<HubException>(() => Select(Bartowski, "o/r/README.md"));
        Assert.Equal("o/r/README.md is not a GGUF file (the name must end in .gguf)", e.Message);
    }

    [Fact]
    public void A_tag_matching_two_models_lists_them()
    {
        string[] files = ["Llama-3-8B-Q8_0.gguf", "Llama-3-8B-Instruct-Q8_0.gguf"];
        var e = Assert.Throws<HubException>(() => Select(files, "o/r:Q8_0@dev"));
        Assert.Equal("o/r@main: tag Q8_0 matches 2 models: Llama-3-8B-Q8_0.gguf, Llama-3-8B-Instruct-Q8_0.gguf; name one with o/r/<path>@dev", e.Message);
    }

    [Fact]
    public void An_unknown_tag_lists_the_tags_there_are()
    {
        var e = Assert.Throws<HubException>(() => Select(Bartowski, "o/r:Q2_K"));
        Assert.Equal("o/r@main has no GGUF model for tag Q2_K; available tags: F16, IQ4_XS, Q4_K_M, Q4_K_S, Q8_0 (or name a file: o/r/<path>)", e.Message);
    }

    [Theory]
    [InlineData("mmproj-model-f16.gguf", false)]
    [InlineData("model.imatrix.gguf", false)]
    [InlineData("model-Q8_0.gguf", true)]
    [InlineData("model-Q8_0.GGUF", false)]
    [InlineData("mmproj/model-Q8_0.gguf", true)]
    [InlineData("model-Q8_0.bin", false)]
    public void Models_are_gguf_files_whose_name_marks_no_companion(string path, bool isModel) =>
        Assert.Equal(isModel, HubFileSelector.IsModel(path));
}
