using System.Diagnostics;
using System.Globalization;
using MmluSharp.IO;

namespace MmluSharp.Running;

/// <summary>
/// Exclusive use of a run folder for the life of a run or a merge, so two processes never write one folder.
/// The lock is an operating-system lock on <c>.mmlu.lock</c> (flock on Unix, a share mode on Windows), which the
/// system drops when the holder ends, even by <c>kill -9</c>: a dead holder never blocks the folder. The holder's
/// process id is kept in <c>.mmlu.lock.pid</c> for the message a second process prints.
/// </summary>
public sealed class RunFolderLock : IDisposable
{
    /// <summary>The file the lock is held on; it stays in the folder (deleting it would let two holders in).</summary>
    public const string LockFile = ".mmlu.lock";

    /// <summary>The file naming the holder's process id.</summary>
    public const string OwnerFile = ".mmlu.lock.pid";

    private readonly FileStream handle;

    private RunFolderLock(string folder, FileStream handle)
    {
        Folder = folder;
        this.handle = handle;
    }

    /// <summary>The locked folder, as given.</summary>
    public string Folder { get; }

    /// <summary>Whether <paramref name="name"/> (a file name in a run folder) is one of the lock's own files.</summary>
    public static bool IsLockFile(string name) => name is LockFile or OwnerFile;

    /// <summary>Creates <paramref name="folder"/> if needed and takes it for this process.</summary>
    /// <exception cref="RunFolderInUseException">Another process holds the folder.</exception>
    /// <exception cref="OutputFileException">The path is not a folder.</exception>
    public static RunFolderLock Acquire(string folder)
    {
        Prepare(folder);
        var lockPath = Path.Combine(folder, LockFile);
        if (OutputPath.Inspect(lockPath, lockPath) is not (FileKind.Missing or FileKind.Regular))
        {
            throw new OutputFileException($"{lockPath}: not a regular file; delete it (mmlu keeps its lock there).");
        }

        FileStream handle;
        try
        {
            handle = new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, bufferSize: 0);
        }
        catch (IOException e) when (Errno.IsLocked(e))
        {
            throw new RunFolderInUseException(folder, Owner(folder), e);
        }

        try
        {
            AtomicFile.Write(Path.Combine(folder, OwnerFile), stream =>
                stream.Write(System.Text.Encoding.ASCII.GetBytes(Environment.ProcessId.ToString(CultureInfo.InvariantCulture) + "\n")));
        }
        catch (IOException)
        {
            // Only the message of a second process needs it (a full disk fails the run at its first write anyway).
        }

        return new RunFolderLock(folder, handle);
    }

    /// <summary>Releases the folder.</summary>
    public void Dispose()
    {
        try
        {
            File.Delete(Path.Combine(Folder, OwnerFile));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A stale owner file is harmless: it is only read when the lock is held, and rewritten by each holder.
        }

        handle.Dispose();
    }

    /// <summary>The holder's process id, if it is recorded and that process is alive.</summary>
    private static int? Owner(string folder)
    {
        try
        {
            var text = File.ReadAllText(Path.Combine(folder, OwnerFile)).Trim();
            if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                using var process = Process.GetProcessById(pid);
                return pid;
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or InvalidOperationException)
        {
            // Not recorded yet (the holder has just taken the lock), or that process has ended since.
        }

        return null;
    }

    /// <summary>Creates the folder, or checks that the path already is one (a link to a folder is fine).</summary>
    private static void Prepare(string folder)
    {
        var full = Path.GetFullPath(folder);
        var kind = OutputPath.Inspect(folder, full);
        if (kind == FileKind.SymbolicLink)
        {
            kind = Directory.Exists(full) ? FileKind.Directory : File.Exists(full) ? FileKind.Regular : FileKind.Missing;
        }

        if (kind is not (FileKind.Missing or FileKind.Directory))
        {
            throw OutputFileException.Mentioning($"{folder}: not a folder; a run folder must be a folder (or not exist yet): choose another {OptionText.Mention(nameof(EvaluationOptions.OutputFolder))}.");
        }

        Directory.CreateDirectory(full);
    }
}
