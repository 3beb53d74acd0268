using LLama.Native;
using MmluSharp.Models.Generation;

namespace MmluSharp.LlamaCpp.Generation;

/// <summary>A question being generated: its sequence in the cache, where it is, and what it has said so far.</summary>
internal sealed class GenerationSlot
{
    private readonly TokenPicker picker;

    public GenerationSlot(GenerationPlan plan, int sequence, int prefixLength)
    {
        Plan = plan;
        Sequence = sequence;
        Sequences = [(LLamaSeqId)sequence];
        PrefixLength = prefixLength;
        Position = plan.Tokens.Length;
        Text = new ReplyText(plan.Request.Stop);
        picker = new TokenPicker(plan.Request.Sampling);
        Reader = logits => Picked = picker.Pick(logits);
    }

    public GenerationPlan Plan { get; }

    /// <summary>The sequence id holding the question in the cache.</summary>
    public int Sequence { get; }

    /// <summary><see cref="Sequence"/> as the batch takes it.</summary>
    public LLamaSeqId[] Sequences { get; }

    /// <summary>The tokens of the shared prefix the question was copied from (0: none).</summary>
    public int PrefixLength { get; }

    /// <summary>The position of the next generated token to decode.</summary>
    public int Position { get; set; }

    /// <summary>Reads the logits of the question's last decoded token into <see cref="Picked"/>.</summary>
    public Scoring.LogitsReader Reader { get; }

    /// <summary>The token chosen from the last logits read.</summary>
    public int Picked { get; private set; } = -1;

    public ReplyText Text { get; }

    /// <summary>Tokens generated so far (an end-of-generation token not counted).</summary>
    public int Generated { get; set; }

    /// <summary>Tokens decoded for this question (the shared prefix aside); 0 until its own prompt tokens are queued.</summary>
    public long Decoded { get; set; }

    /// <summary>The reply, once finished.</summary>
    public GeneratedReply Reply(GenerationFinish finish, long prefixTokens) => new(
        Plan.Request.Id, Text.Finish(), finish, Plan.Shots, Plan.Tokens.Length, Generated, Decoded + prefixTokens, Plan.TruncatedTokens);
}
