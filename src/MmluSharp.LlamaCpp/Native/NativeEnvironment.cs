using System.Runtime.InteropServices;

namespace MmluSharp.LlamaCpp.Native;

/// <summary>
/// Process environment for the native library. llama.cpp's CPU backend uses OpenMP, whose default active
/// spin-wait collapses throughput when another process is busy on the same cores. libgomp reads
/// <c>OMP_WAIT_POLICY</c> once, when it is loaded, and only from the C environment (which
/// <see cref="Environment.SetEnvironmentVariable(string, string)"/> does not change on Unix), so it is set
/// through libc <c>setenv</c> before the first native call.
/// </summary>
internal static partial class NativeEnvironment
{
    internal const string WaitPolicy = "OMP_WAIT_POLICY";
    private static readonly Lock Gate = new();
    private static bool _done;

    /// <summary>What happened at the first call: set, kept the user's value, or could not.</summary>
    public static string Status { get; private set; } = "not set";

    /// <summary>Sets <c>OMP_WAIT_POLICY=PASSIVE</c> unless the process already has a value (a user's choice wins).</summary>
    public static void EnsurePassiveWait()
    {
        lock (Gate)
        {
            if (_done)
            {
                return;
            }

            _done = true;
            var existing = Environment.GetEnvironmentVariable(WaitPolicy);
            if (!string.IsNullOrEmpty(existing))
            {
                Status = $"kept {WaitPolicy}={existing}";
                return;
            }

            if (OperatingSystem.IsWindows())
            {
                Environment.SetEnvironmentVariable(WaitPolicy, "PASSIVE");
                Status = "set PASSIVE";
                return;
            }

            try
            {
                Status = SetEnv(WaitPolicy, "PASSIVE", 0) == 0
                    ? "set PASSIVE"
                    : $"setenv failed (errno {Marshal.GetLastPInvokeError()})";
                Environment.SetEnvironmentVariable(WaitPolicy, "PASSIVE");
            }
            catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
            {
                Status = $"setenv unavailable ({e.GetType().Name})";
            }
        }
    }

    [LibraryImport("libc", EntryPoint = "setenv", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int SetEnv(string name, string value, int overwrite);
}
