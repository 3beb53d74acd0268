using System.Globalization;

namespace MmluSharp.Cli.Tests;

/// <summary>
/// A tmpfs of a few kilobytes mounted on a temporary folder, to run mmlu into a full disk for real (ENOSPC). Mounting
/// needs root, which the test machines and CI have. Disposing unmounts it.
/// </summary>
internal sealed class SmallDisk : IDisposable
{
    public SmallDisk(int kilobytes)
    {
        Path = Cli.TempFolder("tmpfs");
        Shell.Run("mount", "-t", "tmpfs", "-o", Size(kilobytes), "tmpfs", Path);
    }

    /// <summary>The mount point.</summary>
    public string Path { get; }

    /// <summary>Resizes the file system (a user freeing space).</summary>
    public void Resize(int kilobytes) => Shell.Run("mount", "-o", "remount," + Size(kilobytes), Path);

    /// <summary>Writes a filler file until the file system is full.</summary>
    public void Fill()
    {
        var block = new byte[4096];
        using var filler = new FileStream(System.IO.Path.Combine(Path, "filler"), FileMode.Create, FileAccess.Write, FileShare.None, 1);
        try
        {
            while (true)
            {
                filler.Write(block);
            }
        }
        catch (IOException)
        {
            // Full.
        }
    }

    public void Dispose()
    {
        Shell.Run("umount", "-l", Path);
        Directory.Delete(Path);
    }

    private static string Size(int kilobytes) => string.Create(CultureInfo.InvariantCulture, $"size={kilobytes}k");
}
