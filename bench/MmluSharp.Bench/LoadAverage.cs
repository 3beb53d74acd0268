namespace MmluSharp.Bench;

/// <summary>The machine's load averages (1, 5, 15 minutes), as <c>uptime</c> prints them; the benchmark reports them beside every time.</summary>
internal static class LoadAverage
{
    public static string Now()
    {
        try
        {
            var fields = File.ReadAllText("/proc/loadavg").Split(' ');
            return $"{fields[0]} {fields[1]} {fields[2]}";
        }
        catch (IOException)
        {
            return "unknown";
        }
    }
}
