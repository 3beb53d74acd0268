namespace MmluSharp.OpenAI.Scoring;

/// <summary>
/// Guards a session against chance-level scores. When a server lists none of the letters among its alternatives,
/// every letter gets the floor and the prediction is always A. So the first <see cref="Size"/> answers are held back:
/// if half of them (or half of fewer, when the first batch of questions is smaller) list no letter at all, scoring
/// stops before any of them is kept, with one line naming what the server listed instead. A question with at least
/// one letter listed is scored exactly (a letter outside the list is less likely than every listed one), so only the
/// letterless ones count; every floored letter is still recorded with its sample. Not thread-safe: one consumer.
/// </summary>
internal sealed class LetterWindow(Func<LetterAnswer, int, int, Exception> stop)
{
    public const int Size = 20;

    private readonly List<LetterAnswer> held = [];
    private bool open = true;
    private int letterless;
    private LetterAnswer? example;

    /// <summary>Whether answers are still being held back and judged.</summary>
    public bool IsOpen => open;

    /// <summary>The answers now released (none while the window is open); throws the stop exception when it fires.</summary>
    public IReadOnlyList<LetterAnswer> Admit(LetterAnswer answer)
    {
        if (!open)
        {
            return [answer];
        }

        held.Add(answer);
        if (answer.Letterless)
        {
            letterless++;
            example ??= answer;
        }

        if (2 * letterless >= Size)
        {
            throw stop(example!, letterless, held.Count);
        }

        return held.Count == Size ? Close() : [];
    }

    /// <summary>Closes the window (the batch ended or it is full) and releases what it held, or throws the stop exception.</summary>
    public IReadOnlyList<LetterAnswer> Close()
    {
        if (!open)
        {
            return [];
        }

        open = false;
        if (letterless > 0 && 2 * letterless >= held.Count)
        {
            throw stop(example!, letterless, held.Count);
        }

        var released = held.ToList();
        held.Clear();
        return released;
    }
}
