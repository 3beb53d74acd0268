using System.Text;
using MmluSharp.LlamaCpp.Generation;

namespace MmluSharp.LlamaCpp.Tests.Generation;

public sealed class ReplyTextTests
{
    [Fact]
    public void A_stop_string_split_across_tokens_ends_the_reply_before_it()
    {
        var reply = new ReplyText(["Question:"]);

        Assert.False(reply.Add(Bytes(" The answer is (B).\nQues")));
        Assert.False(reply.Add(Bytes("ti")));
        Assert.True(reply.Add(Bytes("on: next")));

        Assert.Equal(" The answer is (B).\n", reply.Finish());
    }

    [Fact]
    public void The_earliest_of_several_stop_strings_wins_as_lm_eval_cuts_at_each()
    {
        var reply = new ReplyText(["</s>", "Q:", "Question:"]);

        Assert.True(reply.Add(Bytes("abc Question: Q: x")));

        Assert.Equal("abc ", reply.Finish());
    }

    [Fact]
    public void A_character_split_across_tokens_waits_for_its_last_byte()
    {
        var reply = new ReplyText(["é"]);
        var bytes = Bytes("aé");

        Assert.False(reply.Add(bytes.AsSpan(0, 2)));
        Assert.True(reply.Add(bytes.AsSpan(2)));

        Assert.Equal("a", reply.Finish());
    }

    [Fact]
    public void Bytes_left_unfinished_at_the_end_become_a_replacement_character()
    {
        var reply = new ReplyText([]);

        reply.Add(Bytes("ok"));
        reply.Add(Bytes("é").AsSpan(0, 1));

        Assert.Equal("ok\uFFFD", reply.Finish());
    }

    [Fact]
    public void Empty_stop_strings_are_ignored()
    {
        var reply = new ReplyText([string.Empty]);

        Assert.False(reply.Add(Bytes("text")));
        Assert.Equal("text", reply.Finish());
    }

    private static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);
}
