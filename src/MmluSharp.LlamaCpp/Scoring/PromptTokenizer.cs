using System.Collections.Concurrent;
using MmluSharp.Prompting;

namespace MmluSharp.LlamaCpp.Scoring;

/// <summary>
/// Tokenizes prompts and continuations exactly as the full rule does (<c>tokens(prompt)</c>, and a continuation as
/// what <c>tokens(prompt + continuation)</c> adds after their common prefix) with fewer and shorter tokenizer calls
/// where the tokenizer's <see cref="NewlineRule"/> allows it:
/// <list type="bullet">
/// <item><see cref="NewlineRule.Separable"/>: a prompt whose few-shot prefix ends with a newline is the prefix's tokens
/// (tokenized once per prefix) followed by the query's segment.</item>
/// <item><see cref="NewlineRule.Separable"/> and <see cref="NewlineRule.WordAfterNewline"/>: continuations are read from
/// the prompt's last line (tokenized once per line and continuation) when the prompt's tokens end with that line's tokens.</item>
/// </list>
/// A segment is read as <c>tokens("\n" + text)</c> after <c>tokens("\n")</c>; when a check fails (an anchor that does
/// not come first, a tail that does not match) the full rule is used. Thread-safe.
/// </summary>
internal sealed class PromptTokenizer
{
    // Lines and prefixes kept for reuse; a run reuses a handful, so a full cache is simply emptied.
    private const int MaxCached = 256;
    private const int MaxCachedLine = 256;

    private readonly Func<string, int[]> _tokenize;
    private readonly int[] _anchor;
    private readonly ConcurrentDictionary<string, int[]> _prefixes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Line, string Continuation), LineTail?> _tails = new();
    private long _shortcuts;
    private long _fullRule;

    public PromptTokenizer(Func<string, int[]> tokenize, NewlineRule rule)
    {
        _tokenize = tokenize;
        Rule = rule;
        _anchor = rule == NewlineRule.None ? [] : tokenize("\n");
    }

    public NewlineRule Rule { get; }

    /// <summary>Prompts and continuations tokenized with a shortcut, and in full (for tests and the benchmark).</summary>
    public (long Shortcuts, long FullRule) Counts => (Interlocked.Read(ref _shortcuts), Interlocked.Read(ref _fullRule));

    /// <summary><c>tokens(text)</c>, with the model's BOS.</summary>
    public int[] Tokenize(string text) => _tokenize(text);

    /// <summary><c>tokens(prefix)</c> of a few-shot prefix, kept for the prompts that start with it.</summary>
    public int[] Prefix(string prefix) => Cached(_prefixes, prefix, _tokenize);

    /// <summary><c>tokens(prompt.Render(shots))</c>.</summary>
    public int[] Prompt(Prompt prompt, int shots)
    {
        var prefix = prompt.Prefix(shots);
        if (Rule == NewlineRule.Separable && prefix.EndsWith('\n') && Segment(prompt.Query) is { } query)
        {
            Interlocked.Increment(ref _shortcuts);
            return [.. Prefix(prefix), .. query];
        }

        Interlocked.Increment(ref _fullRule);
        return _tokenize(prefix + prompt.Query);
    }

    /// <summary>How <paramref name="continuation"/> continues <paramref name="text"/>, whose tokens are <paramref name="tokens"/>.</summary>
    public ContinuationPlan Continuation(string text, int[] tokens, string continuation)
    {
        if (Tail(text, tokens, continuation) is { } plan)
        {
            Interlocked.Increment(ref _shortcuts);
            return plan;
        }

        Interlocked.Increment(ref _fullRule);
        var full = _tokenize(text + continuation);
        var common = tokens.AsSpan().CommonPrefixLength(full);
        return new ContinuationPlan(common, full[common..]);
    }

    // The continuation from the prompt's last line: tokens(text) = head + seg(line), tokens(text + c) = head + seg(line + c).
    private ContinuationPlan? Tail(string text, int[] tokens, string continuation)
    {
        var newline = text.LastIndexOf('\n');
        if (Rule == NewlineRule.None || newline < 0)
        {
            return null;
        }

        var line = text[(newline + 1)..];
        if (Rule == NewlineRule.WordAfterNewline && (line.Length == 0 || !char.IsLetter(line[0])))
        {
            return null;
        }

        var tail = line.Length <= MaxCachedLine
            ? Cached(_tails, (Line: line, Continuation: continuation), key => LineTail(key.Line, key.Continuation))
            : LineTail(line, continuation);
        return tail is { } t && tokens.AsSpan().EndsWith(t.Line) && tokens.Length > t.Back
            ? new ContinuationPlan(tokens.Length - t.Back, t.Tokens)
            : null;
    }

    // seg(line), how many of its last tokens seg(line + continuation) replaces, and what it puts after them.
    private LineTail? LineTail(string line, string continuation) =>
        Segment(line) is { } alone && Segment(line + continuation) is { } whole
            ? new LineTail(alone, alone.Length - alone.AsSpan().CommonPrefixLength(whole), whole[alone.AsSpan().CommonPrefixLength(whole)..])
            : null;

    // seg(text): tokens("\n" + text) after tokens("\n"), or null when "\n" does not tokenize as its own head.
    private int[]? Segment(string text)
    {
        var whole = _tokenize("\n" + text);
        return whole.AsSpan().StartsWith(_anchor) ? whole[_anchor.Length..] : null;
    }

    private static TValue Cached<TKey, TValue>(ConcurrentDictionary<TKey, TValue> cache, TKey key, Func<TKey, TValue> make)
        where TKey : notnull
    {
        if (cache.TryGetValue(key, out var value))
        {
            return value;
        }

        value = make(key);
        Remember(cache, key, value);
        return value;
    }

    private static void Remember<TKey, TValue>(ConcurrentDictionary<TKey, TValue> cache, TKey key, TValue value)
        where TKey : notnull
    {
        if (cache.Count >= MaxCached)
        {
            cache.Clear();
        }

        cache[key] = value;
    }
}
