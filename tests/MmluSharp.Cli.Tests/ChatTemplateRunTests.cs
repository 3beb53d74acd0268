using System.Runtime.CompilerServices;
using System.Text.Json;
using MmluSharp.LlamaCpp.Tests;
using MmluSharp.Testing;

namespace MmluSharp.Cli.Tests;

/// <summary>
/// <c>--chat-template FILE</c>, <c>--system-instruction</c> and <c>--fewshot-as-multiturn</c> through the command line:
/// the prompts equal the goldens written from the template's text (tests/MmluSharp.Tests/Golden/chat-prompts), and
/// results, the run's fingerprint and the lm-eval export carry them.
/// </summary>
public sealed class ChatTemplateRunTests
{
    private const string Instruction = "Answer with one letter.";

    [Theory]
    [InlineData("0", false, "0shot.txt")]
    [InlineData("5", false, "5shot.txt")]
    [InlineData("5", true, "5shot-multiturn.txt")]
    public void Prompts_rendered_by_a_template_file_are_the_golden_text(string shots, bool multiturn, string golden)
    {
        var folder = Cli.TempFolder("chat-prompts");
        var output = Path.Combine(folder, "prompts.jsonl");
        string[] args = ["prompts", "--data", SharedData.Mmlu, "--subjects", "abstract_algebra", "--limit", "1", "--shots", shots,
            "--style", "harness", "--chat-template", ChatGolden("turns.jinja"), "--out", output];

        var result = Cli.Run(multiturn ? [.. args, "--fewshot-as-multiturn"] : args);

        Assert.Equal(0, result.ExitCode);
        using var line = JsonDocument.Parse(File.ReadLines(output).First());
        Assert.Equal(File.ReadAllText(ChatGolden(golden)), line.RootElement.GetProperty("prompt").GetString());
    }

    [Theory]
    [InlineData("broken.jinja", "{% for m in messages %}{{ m.content }}", "broken.jinja")]
    [InlineData("missing.jinja", null, "--chat-template ")]
    public void A_template_that_cannot_be_read_is_one_line_and_exit_code_2(string name, string? text, string named)
    {
        var folder = Cli.TempFolder("chat-bad");
        var template = Path.Combine(folder, name);
        if (text is not null)
        {
            File.WriteAllText(template, text);
        }

        var result = Cli.Run("prompts", "--data", SharedData.Mmlu, "--subjects", "anatomy", "--limit", "1", "--chat-template", template,
            "--out", Path.Combine(folder, "prompts.jsonl"));

        Assert.Equal(2, result.ExitCode);
        var line = Assert.Single(result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: ", line, StringComparison.Ordinal);
        Assert.Contains(named, line, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(folder, "prompts.jsonl")));
    }

    [Fact]
    public async Task A_local_run_records_the_template_in_results_and_the_lm_eval_export_and_refuses_a_resume_with_another()
    {
        var folder = Cli.TempFolder("chat-run");
        var result = await Cli.RunAsync(Args(folder, ChatGolden("turns.jinja")));
        Assert.Equal(0, result.ExitCode);

        using var results = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "results.json")));
        var chat = results.RootElement.GetProperty("run").GetProperty("chat");
        var template = File.ReadAllText(ChatGolden("turns.jinja"));
        Assert.Equal("file " + ChatGolden("turns.jinja"), chat.GetProperty("template").GetString());
        Assert.Equal(template, chat.GetProperty("template_text").GetString());
        Assert.Equal(Instruction, chat.GetProperty("system_instruction").GetString());
        Assert.True(chat.GetProperty("fewshot_as_multiturn").GetBoolean());

        var export = Path.Combine(folder, "lm-eval.json");
        Assert.Equal(0, Cli.Run("report", Path.Combine(folder, "results.json"), "--format", "lm-eval", "--out", export).ExitCode);
        using var lmEval = JsonDocument.Parse(File.ReadAllText(export));
        Assert.Equal(template, lmEval.RootElement.GetProperty("chat_template").GetString());
        Assert.Equal(chat.GetProperty("template_sha256").GetString(), lmEval.RootElement.GetProperty("chat_template_sha").GetString());
        Assert.Equal(Instruction, lmEval.RootElement.GetProperty("system_instruction").GetString());
        Assert.True(lmEval.RootElement.GetProperty("fewshot_as_multiturn").GetBoolean());

        // The same options resume (nothing left to do); another template is refused, and so is none.
        Assert.Contains("already holds this finished run", (await Cli.RunAsync(Args(folder, ChatGolden("turns.jinja")))).Output, StringComparison.Ordinal);
        var other = Path.Combine(folder, "other.jinja");
        await File.WriteAllTextAsync(other, template.Replace("<|end|>", "<|eot|>", StringComparison.Ordinal));
        var refused = await Cli.RunAsync(Args(folder, other));
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("chat_template ", refused.Output, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(folder, "other")));
        var plain = await Cli.RunAsync(["run", "--model", SharedData.Model("stories260K.gguf"), "--data", SharedData.Mmlu, "--subjects", "anatomy",
            "--limit", "2", "--shots", "2", "--style", "harness", "--out", folder]);
        Assert.Equal(2, plain.ExitCode);
        Assert.Contains("(none)", plain.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Chat_template_alone_takes_the_model_s_own_from_its_gguf()
    {
        var folder = Cli.TempFolder("own-template");
        var model = GgufPatch.Copy("stories260K.gguf", folder, "templated.gguf");
        var written = GgufPatch.AddString(model, "tokenizer.chat_template", "{% for m in messages %}[{{ m.role }}] {{ m.content }}\n{% endfor %}[assistant]");

        var result = await Cli.RunAsync("run", "--model", model, "--data", SharedData.Mmlu, "--subjects", "anatomy", "--limit", "1",
            "--shots", "0", "--style", "harness", "--chat-template", "--out", Path.Combine(folder, "run"));

        Assert.Equal(0, result.ExitCode);
        using var results = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "run", "results.json")));
        var chat = results.RootElement.GetProperty("run").GetProperty("chat");
        Assert.Equal("templated.gguf (tokenizer.chat_template)", chat.GetProperty("template").GetString());
        Assert.Equal(written, chat.GetProperty("template_text").GetString());
    }

    private static string[] Args(string folder, string template) =>
        ["run", "--model", SharedData.Model("stories260K.gguf"), "--data", SharedData.Mmlu, "--subjects", "anatomy", "--limit", "2",
         "--shots", "2", "--style", "harness", "--chat-template", template, "--system-instruction", Instruction, "--fewshot-as-multiturn",
         "--out", folder];

    /// <summary>A file of tests/MmluSharp.Tests/Golden/chat-prompts, the goldens the library's tests check too.</summary>
    internal static string ChatGolden(string name, [CallerFilePath] string caller = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(caller)!, "..", "MmluSharp.Tests", "Golden", "chat-prompts", name));
}
