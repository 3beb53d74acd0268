namespace MmluSharp.Datasets.Download;

/// <summary>
/// Counts the bytes a download unpacks to, in total and per input (an archive, or a parquet file converted to CSV),
/// and refuses, with one line naming the input, the moment they would pass what <see cref="UnpackLimit"/> allows.
/// Sizes an input declares are checked before anything of it is written.
/// </summary>
internal sealed class UnpackBudget(UnpackLimit limit)
{
    private string _input = string.Empty;
    private long _inputBytes;
    private long _inputSpent;

    /// <summary>Bytes written so far, over all inputs.</summary>
    public long Spent { get; private set; }

    /// <summary>Starts counting for the next input.</summary>
    /// <param name="name">Its name in messages (its URL).</param>
    /// <param name="inputBytes">Its own size, for the ratio cap.</param>
    public UnpackBudget Start(string name, long inputBytes)
    {
        (_input, _inputBytes, _inputSpent) = (name, inputBytes, 0);
        return this;
    }

    /// <summary>Refuses unless <paramref name="bytes"/> more still fit (a declared size, before writing).</summary>
    public void EnsureRoom(long bytes)
    {
        if (bytes > limit.AllowedFor(_inputBytes) - _inputSpent)
        {
            throw Refused(limit.RatioProblem(_inputBytes));
        }

        if (bytes > limit.MaxBytes - Spent)
        {
            throw Refused(limit.SizeProblem);
        }
    }

    /// <summary>Counts <paramref name="bytes"/> about to be written; refuses when they do not fit.</summary>
    public void Charge(long bytes)
    {
        EnsureRoom(bytes);
        Spent += bytes;
        _inputSpent += bytes;
    }

    /// <summary>A new file at <paramref name="path"/> whose every write is charged first.</summary>
    public Stream Create(string path) => new ChargedStream(IO.ScratchFile.Create(path), this);

    private DatasetException Refused(FormattableString problem) => DatasetException.Mentioning($"{_input}: refused: {problem}; nothing was kept");
}
