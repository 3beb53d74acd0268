using MmluSharp.Models.Generation;
using MmluSharp.Prompting;

namespace MmluSharp.LlamaCpp.Tests.Generation;

/// <summary>A reply ends at the model's end-of-generation token, which is not part of its text.</summary>
public sealed class EndOfGenerationTests : IDisposable
{
    private const string Story = "Once upon a time, there was a little girl named Lily.";
    private readonly string _dir = Directory.CreateTempSubdirectory("mmlu-eog-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task A_reply_ends_before_the_token_the_header_names_end_of_generation()
    {
        var request = new GenerationRequest("story", Prompt.PreRendered(Story), 24, []);
        GeneratedReply open;
        int eog;
        using (var model = Models.Load(Models.Stories))
        {
            open = (await model.GenerateAllAsync([request]))["story"];

            // The reply's fifth token (tokenizing the prompt and the reply together, as the model read them).
            var prompt = model.Tokenize(Story);
            var whole = model.Tokenize(Story + open.Text);
            Assert.Equal(prompt, whole[..prompt.Length]);
            eog = whole[prompt.Length + 4];
        }

        // The same model whose header names that token its end of sequence.
        var path = GgufPatch.Copy(Models.Stories, _dir, "eos.gguf");
        GgufPatch.SetUInt32(path, "tokenizer.ggml.eos_token_id", (uint)eog);
        using var patched = LlamaCppModel.Load(path, new LlamaCppOptions());
        var ended = (await patched.GenerateAllAsync([request]))["story"];

        Assert.Equal(GenerationFinish.Length, open.Finish);
        Assert.Equal(GenerationFinish.EndOfGeneration, ended.Finish);
        Assert.InRange(ended.GeneratedTokens, 1, 4);
        Assert.True(ended.Text.Length < open.Text.Length);
        Assert.StartsWith(ended.Text, open.Text, StringComparison.Ordinal);
    }
}
