namespace MmluSharp.IO;

/// <summary>
/// The few operating-system error numbers mmlu tells apart. On Unix .NET puts the raw errno in
/// <see cref="Exception.HResult"/> of the <see cref="IOException"/> it throws; on Windows it is the Win32 error as an HRESULT.
/// </summary>
internal static class Errno
{
    /// <summary>The device is full, or the user's disk quota is used up.</summary>
    public static bool IsOutOfSpace(Exception e) =>
        e is IOException && (OperatingSystem.IsWindows()
            ? e.HResult == unchecked((int)0x80070070)
            : e.HResult == 28 || e.HResult == (OperatingSystem.IsMacOS() ? 69 : 122));

    /// <summary>A path crosses more symbolic links than the system follows (a link loop).</summary>
    public static bool IsLinkLoop(Exception e) =>
        e is IOException && !OperatingSystem.IsWindows() && e.HResult == (OperatingSystem.IsMacOS() ? 62 : 40);

    /// <summary>Another open file holds a conflicting lock (flock on Unix, a sharing violation on Windows).</summary>
    public static bool IsLocked(Exception e) =>
        e is IOException && e.HResult == (OperatingSystem.IsWindows() ? unchecked((int)0x80070020) : OperatingSystem.IsMacOS() ? 35 : 11);
}
