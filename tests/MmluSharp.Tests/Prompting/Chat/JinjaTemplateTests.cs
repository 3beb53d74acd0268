using System.Text.Json;
using MmluSharp.Prompting.Jinja;
using MmluSharp.Testing;

namespace MmluSharp.Tests.Prompting.Chat;

/// <summary>
/// The interpreter against Jinja2 itself: every case of Golden/chat-templates/cases.json renders exactly what
/// tests/reference/render_chat_templates.py wrote with Jinja2 set up as Hugging Face renders chat templates.
/// </summary>
public sealed class JinjaTemplateTests
{
    public static TheoryData<string> Cases() =>
        [.. JsonDocument.Parse(Golden.Read("chat-templates/cases.json")).RootElement.EnumerateArray().Select(c => c.GetProperty("name").GetString()!)];

    [Theory]
    [MemberData(nameof(Cases))]
    public void Renders_what_jinja2_renders(string name)
    {
        var cases = JsonDocument.Parse(Golden.Read("chat-templates/cases.json")).RootElement.EnumerateArray();
        var test = cases.Single(c => c.GetProperty("name").GetString() == name);
        var template = JinjaTemplate.Parse(Golden.Read("chat-templates/" + test.GetProperty("template").GetString()));
        var variables = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["messages"] = Value(test.GetProperty("messages")),
            ["add_generation_prompt"] = test.GetProperty("add_generation_prompt").GetBoolean(),
            ["bos_token"] = "<s>",
            ["eos_token"] = "</s>",
            ["tools"] = null,
            ["documents"] = null,
        };
        if (test.TryGetProperty("variables", out var extra))
        {
            foreach (var property in extra.EnumerateObject())
            {
                variables[property.Name] = Value(property.Value);
            }
        }

        var expected = Golden.Read($"chat-templates/{name}.txt");
        if (expected.StartsWith("TemplateError: ", StringComparison.Ordinal))
        {
            var e = Assert.Throws<JinjaRaisedException>(() => template.Render(variables));
            Assert.Equal(expected["TemplateError: ".Length..], e.Reason);
        }
        else
        {
            Assert.Equal(expected, template.Render(variables));
        }
    }

    [Theory]
    [InlineData("{% for x in y %}", "line 1: the template ends before {% endfor %}")]
    [InlineData("a\n{{ x | nosuchfilter }}", "line 2: the filter 'nosuchfilter' is not supported")]
    [InlineData("{% include 'other.jinja' %}", "line 1: the statement 'include' is not supported")]
    [InlineData("{{ x is nosuchtest }}", "line 1: the test 'nosuchtest' is not supported")]
    [InlineData("{{ 'open }}", "line 1: a string is never closed")]
    public void Unsupported_or_broken_templates_fail_in_one_line_naming_it(string source, string message)
    {
        var e = Assert.Throws<JinjaException>(() => JinjaTemplate.Parse(source));
        Assert.Equal(message, e.Message);
    }

    [Fact]
    public void Using_an_undefined_value_further_is_an_error_with_its_line()
    {
        var template = JinjaTemplate.Parse("ok\n{{ missing.content }}");

        var e = Assert.Throws<JinjaException>(() => template.Render(new Dictionary<string, object?>()));

        Assert.Equal("line 2: 'missing' is undefined (reading its attribute 'content')", e.Message);
    }

    private static object? Value(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().ToDictionary(p => p.Name, p => Value(p.Value), StringComparer.Ordinal),
        JsonValueKind.Array => element.EnumerateArray().Select(Value).ToList(),
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Number => element.TryGetInt64(out var l) ? (object)l : element.GetDouble(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    };
}
