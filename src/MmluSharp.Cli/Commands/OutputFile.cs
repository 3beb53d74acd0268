namespace MmluSharp.Cli.Commands;

/// <summary>
/// An output file written to a temporary name and renamed into place on <see cref="Commit"/>, so a failed
/// command never leaves a half-written file; no path means standard output.
/// </summary>
internal sealed class OutputFile : IDisposable
{
    private readonly string? path;
    private readonly string? temp;
    private bool committed;

    private OutputFile(string? path, Stream stream)
    {
        this.path = path;
        temp = path is null ? null : path + ".tmp";
        Stream = stream;
    }

    public Stream Stream { get; }

    public static OutputFile Open(string? path)
    {
        if (path is null or "-")
        {
            return new OutputFile(null, new BufferedStream(Console.OpenStandardOutput(), 1 << 16));
        }

        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        return new OutputFile(path, new FileStream(path + ".tmp", FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16));
    }

    public void Commit()
    {
        Stream.Flush();
        committed = true;
    }

    public void Dispose()
    {
        Stream.Dispose();
        if (temp is null)
        {
            return;
        }

        if (committed)
        {
            File.Move(temp, path!, overwrite: true);
        }
        else
        {
            File.Delete(temp);
        }
    }
}
