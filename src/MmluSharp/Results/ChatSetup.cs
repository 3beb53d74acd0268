namespace MmluSharp.Results;

/// <summary>How prompts were rendered as conversations (lm-evaluation-harness' chat options), as results record it.</summary>
/// <param name="Template">The chat template's source (a built-in's name, a file, the model's own).</param>
/// <param name="TemplateSha256">SHA-256 of the template's text, as lm-evaluation-harness' <c>chat_template_sha</c>.</param>
/// <param name="TemplateText">The template's text (or a built-in's name), as lm-evaluation-harness' <c>chat_template</c>.</param>
/// <param name="SystemInstruction">The system instruction, or null.</param>
/// <param name="FewshotAsMultiturn">(lm-evaluation-harness' fewshot_as_multiturn) Whether each example was its own user and assistant turns.</param>
public sealed record ChatSetup(string? Template, string? TemplateSha256, string? TemplateText, string? SystemInstruction, bool FewshotAsMultiturn);
