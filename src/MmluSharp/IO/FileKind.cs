namespace MmluSharp.IO;

/// <summary>What a path names, without following a symbolic link at its end.</summary>
internal enum FileKind
{
    /// <summary>Nothing (or a folder on the way is missing).</summary>
    Missing,

    /// <summary>A regular file.</summary>
    Regular,

    /// <summary>A folder.</summary>
    Directory,

    /// <summary>A symbolic link (possibly dangling).</summary>
    SymbolicLink,

    /// <summary>A named pipe.</summary>
    Fifo,

    /// <summary>A character device such as <c>/dev/null</c> or <c>/dev/full</c>.</summary>
    CharacterDevice,

    /// <summary>A block device such as a disk.</summary>
    BlockDevice,

    /// <summary>A Unix-domain socket.</summary>
    Socket,
}
