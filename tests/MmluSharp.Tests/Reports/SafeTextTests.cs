using MmluSharp.Reports;

namespace MmluSharp.Tests.Reports;

public class SafeTextTests
{
    /// <summary>Real terminal payloads: colours, OSC 8 hyperlinks (ST and BEL terminated), bell, overwriting with CR and backspace, 8-bit CSI, bidi override.</summary>
    public static TheoryData<string, string> Payloads => new()
    {
        { "red\u001b[31mtext\u001b[0m", "red\u241b[31mtext\u241b[0m" },
        { "\u001b]8;;https://evil.example/\u001b\\click\u001b]8;;\u001b\\", "\u241b]8;;https://evil.example/\u241b\\click\u241b]8;;\u241b\\" },
        { "\u001b]8;;https://evil.example/\u0007click\u001b]8;;\u0007", "\u241b]8;;https://evil.example/\u2407click\u241b]8;;\u2407" },
        { "ding\u0007\u0007", "ding\u2407\u2407" },
        { "99% passed\rFAILED", "99% passed\u240dFAILED" },
        { "ok\b\bNO", "ok\u2408\u2408NO" },
        { "\u001b[2J\u001b[H", "\u241b[2J\u241b[H" },
        { "c1\u009b31mred", "c1\uFFFD31mred" },
        { "invoice\u202egnp.exe", "invoice\uFFFDgnp.exe" },
        { "\u2066isolated\u2069", "\uFFFDisolated\uFFFD" },
        { "del\u007f nul\0", "del\u2421 nul\u2400" },
        { "two\r\nlines\tand a tab", "two\nlines\tand a tab" },
    };

    [Theory]
    [MemberData(nameof(Payloads))]
    public void Every_control_character_becomes_a_visible_inert_one(string payload, string shown)
    {
        var safe = SafeText.Neutralize(payload);
        Assert.Equal(shown, safe);
        Assert.DoesNotContain(safe, c => c is (< ' ' and not '\n' and not '\t') or (>= '\u007f' and <= '\u009f'));
        Assert.Equal(safe, SafeText.Neutralize(safe));
    }

    [Fact]
    public void Ordinary_text_comes_back_as_the_same_string()
    {
        const string text = "high_school_us_history — 高中历史 · Ünïcödé\nwith a line feed\tand a tab";
        Assert.Same(text, SafeText.Neutralize(text));
    }
}
