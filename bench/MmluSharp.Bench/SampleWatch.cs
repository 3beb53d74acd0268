using MmluSharp.LlamaCpp.Limits;

namespace MmluSharp.Bench;

/// <summary>
/// Follows a running <c>mmlu run</c> from outside: counts the lines its <c>samples.jsonl</c> has grown to and records
/// the child's resident memory (now and peak) when the count first reaches each of <paramref name="marks"/>.
/// </summary>
internal sealed class SampleWatch(string samplesPath, IReadOnlyList<int> marks)
{
    private readonly List<(int Mark, int Samples, long? Rss, long? Peak, TimeSpan At)> _seen = [];
    private readonly System.Diagnostics.Stopwatch _clock = System.Diagnostics.Stopwatch.StartNew();
    private long _offset;
    private int _lines;

    public IReadOnlyList<(int Mark, int Samples, long? Rss, long? Peak, TimeSpan At)> Seen => _seen;

    /// <summary>Reads what the file gained since the last call; records the memory of <paramref name="processId"/> at new marks.</summary>
    public void Poll(int processId)
    {
        if (!File.Exists(samplesPath))
        {
            return;
        }

        using (var stream = new FileStream(samplesPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete))
        {
            stream.Position = _offset;
            var buffer = new byte[1 << 16];
            int read;
            while ((read = stream.Read(buffer)) > 0)
            {
                _lines += buffer.AsSpan(0, read).Count((byte)'\n');
                _offset += read;
            }
        }

        foreach (var mark in marks.Where(m => _lines >= m && _seen.All(s => s.Mark != m)))
        {
            _seen.Add((mark, _lines, MachineMemory.ResidentBytes(processId), MachineMemory.PeakResidentBytes(processId), _clock.Elapsed));
        }
    }
}
