using System.Globalization;

namespace MmluSharp.LlamaCpp.Limits;

/// <summary>
/// Memory this process can still take: Linux's <c>MemAvailable</c>, lowered to what the cgroup's
/// <c>memory.max</c> leaves above <c>memory.current</c>; elsewhere the runtime's view of the machine's memory.
/// </summary>
internal static class MachineMemory
{
    /// <summary>Bytes available, best known.</summary>
    public static long AvailableBytes()
    {
        var available = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;
        if (ReadMemInfo("/proc/meminfo", "MemAvailable:") is { } memAvailable)
        {
            available = Math.Min(available, memAvailable);
        }

        if (ReadNumber("/sys/fs/cgroup/memory.max") is { } max && ReadNumber("/sys/fs/cgroup/memory.current") is { } current)
        {
            available = Math.Min(available, Math.Max(0, max - current));
        }

        return available;
    }

    /// <summary>
    /// The most resident memory a process has held so far (Linux <c>VmHWM</c>), of this process or of
    /// <paramref name="processId"/>; null where the kernel does not say (or the process has ended).
    /// </summary>
    public static long? PeakResidentBytes(int? processId = null) => ReadMemInfo(Status(processId), "VmHWM:");

    /// <summary>The resident memory a process holds now (Linux <c>VmRSS</c>); null where the kernel does not say.</summary>
    public static long? ResidentBytes(int? processId = null) => ReadMemInfo(Status(processId), "VmRSS:");

    private static string Status(int? processId) =>
        processId is { } id ? $"/proc/{id.ToString(CultureInfo.InvariantCulture)}/status" : "/proc/self/status";

    // A "Key:   N kB" line of a /proc file, in bytes.
    private static long? ReadMemInfo(string path, string key)
    {
        try
        {
            foreach (var line in File.ReadLines(path))
            {
                if (line.StartsWith(key, StringComparison.Ordinal))
                {
                    var kb = line[key.Length..].Trim().Split(' ')[0];
                    return long.TryParse(kb, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value * 1024 : null;
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }

        return null;
    }

    // A cgroup v2 file holding one number ("max" means no limit).
    private static long? ReadNumber(string path)
    {
        try
        {
            return File.Exists(path) && long.TryParse(File.ReadAllText(path).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
