using MmluSharp.Models.Hub;

namespace MmluSharp.Tests.Hub;

public class HubReferenceTests
{
    [Theory]
    [InlineData("TheBloke/Llama-2-7B-GGUF", "TheBloke/Llama-2-7B-GGUF", null, null, null)]
    [InlineData("bartowski/Qwen2.5-0.5B-Instruct-GGUF:Q4_K_M", "bartowski/Qwen2.5-0.5B-Instruct-GGUF", "Q4_K_M", null, null)]
    [InlineData("owner/repo:q8_0", "owner/repo", "q8_0", null, null)]
    [InlineData("unsloth/Qwen3-8B-GGUF:UD-Q4_K_XL", "unsloth/Qwen3-8B-GGUF", "UD-Q4_K_XL", null, null)]
    [InlineData("owner/repo/sub/dir/model-Q8_0.gguf", "owner/repo", null, "sub/dir/model-Q8_0.gguf", null)]
    [InlineData("owner/repo:Q8_0@v1.0", "owner/repo", "Q8_0", null, "v1.0")]
    [InlineData("owner/repo@v1.0:Q8_0", "owner/repo", "Q8_0", null, "v1.0")]
    [InlineData("owner/repo/model.gguf@refs/pr/1", "owner/repo", null, "model.gguf", "refs/pr/1")]
    [InlineData("owner/repo@0123456789abcdef0123456789abcdef01234567", "owner/repo", null, null, "0123456789abcdef0123456789abcdef01234567")]
    public void The_accepted_forms_give_repository_tag_file_and_revision(string text, string repo, string? quant, string? file, string? revision)
    {
        var reference = HubReference.TryParse(text);

        Assert.NotNull(reference);
        Assert.Equal(new HubReference(repo, quant, file, revision), reference);
    }

    [Theory]
    [InlineData("model.gguf")]
    [InlineData("models/model.gguf")]
    [InlineData("./owner/repo")]
    [InlineData("/abs/path/model.gguf")]
    [InlineData("../owner/repo")]
    [InlineData("~/models/x.gguf")]
    [InlineData("owner")]
    [InlineData("owner/-repo")]
    [InlineData("owner/re--po")]
    [InlineData("owner/repo:Q4 K")]
    [InlineData("owner/repo:")]
    [InlineData("owner/repo:Q8_0@v1:Q4_0")]
    [InlineData("owner/repo/../etc/passwd")]
    [InlineData("owner/repo@../../x")]
    [InlineData("owner/repo@")]
    [InlineData("owner/repo:Q8_0/file.gguf")]
    [InlineData("C:\\models\\x.gguf")]
    public void Local_paths_and_malformed_names_are_not_references(string text) => Assert.Null(HubReference.TryParse(text));

    [Fact]
    public void The_text_form_is_canonical_and_the_default_revision_is_main()
    {
        var reference = HubReference.Parse("owner/repo@dev:Q8_0");

        Assert.Equal("owner/repo:Q8_0@dev", reference.ToString());
        Assert.Equal("main", HubReference.Parse("owner/repo").RevisionOrDefault);
        Assert.True(HubReference.Parse("owner/repo@0123456789abcdef0123456789abcdef01234567").RevisionIsCommit);
        Assert.False(reference.RevisionIsCommit);
    }

    [Fact]
    public void Parse_refuses_in_one_line_that_shows_the_forms()
    {
        var e = Assert.Throws<HubException>(() => HubReference.Parse("owner/repo:Q4 K"));
        Assert.Equal("'owner/repo:Q4 K' is not a Hugging Face model reference: expected owner/repo, owner/repo:QUANT or owner/repo/path/file.gguf, optionally followed by @revision", e.Message);
    }
}
