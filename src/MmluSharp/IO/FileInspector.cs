using System.Runtime.InteropServices;

namespace MmluSharp.IO;

/// <summary>
/// Tells a regular file from a FIFO, a device or a socket, which .NET does not: on Linux through <c>statx(2)</c>,
/// whose record has the same layout on every architecture; elsewhere from what .NET reports (links, folders, files).
/// </summary>
internal static partial class FileInspector
{
    private const int AtCurrentDirectory = -100;
    private const int AtSymlinkNoFollow = 0x100;
    private const uint StatxType = 0x1;
    private const int StatxModeOffset = 28;
    private const int StatxSize = 256;
    private const int ENOENT = 2;
    private const int ENOTDIR = 20;
    private const int ELOOP = 40;

    private static bool statxMissing;

    /// <summary>What <paramref name="path"/> names, not following a link at its end.</summary>
    /// <exception cref="IOException">The path runs through a symbolic link loop, or cannot be examined.</exception>
    public static FileKind KindOf(string path)
    {
        if (OperatingSystem.IsLinux() && !statxMissing)
        {
            try
            {
                return KindOfLinux(path);
            }
            catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
            {
                statxMissing = true;
            }
        }

        var info = new FileInfo(path);
        return info.LinkTarget is not null ? FileKind.SymbolicLink
            : info.Attributes is var a && (int)a != -1 && a.HasFlag(FileAttributes.Directory) ? FileKind.Directory
            : info.Exists ? FileKind.Regular
            : FileKind.Missing;
    }

    private static FileKind KindOfLinux(string path)
    {
        var buffer = new byte[StatxSize];
        if (Statx(AtCurrentDirectory, path, AtSymlinkNoFollow, StatxType, buffer) != 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            return errno switch
            {
                ENOENT or ENOTDIR => FileKind.Missing,
                ELOOP => throw new IOException($"{path}: symbolic link loop", ELOOP),
                _ => throw new IOException($"{path}: cannot be examined ({Marshal.GetPInvokeErrorMessage(errno)})", errno),
            };
        }

        return (BitConverter.ToUInt16(buffer, StatxModeOffset) & 0xF000) switch
        {
            0x8000 => FileKind.Regular,
            0x4000 => FileKind.Directory,
            0xA000 => FileKind.SymbolicLink,
            0x1000 => FileKind.Fifo,
            0x2000 => FileKind.CharacterDevice,
            0x6000 => FileKind.BlockDevice,
            _ => FileKind.Socket,
        };
    }

    [LibraryImport("libc", EntryPoint = "statx", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Statx(int directory, string path, int flags, uint mask, [Out] byte[] buffer);
}
