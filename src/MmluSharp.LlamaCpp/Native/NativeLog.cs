using LLama.Native;

namespace MmluSharp.LlamaCpp.Native;

/// <summary>
/// Routes llama.cpp's log: informational lines are dropped, errors go to standard error and are remembered
/// so a failed load can say why.
/// </summary>
internal static class NativeLog
{
    private static readonly Lock Gate = new();
    private static bool _installed;
    private static LLamaLogLevel _lastLevel = LLamaLogLevel.Info;
    private static string? _lastError;

    // MMLU_LLAMA_LOG=all shows every native line on standard error (for diagnosing llama.cpp itself).
    private static readonly bool Verbose = string.Equals(Environment.GetEnvironmentVariable("MMLU_LLAMA_LOG"), "all", StringComparison.OrdinalIgnoreCase);

    /// <summary>The last error line llama.cpp logged, if any.</summary>
    public static string? LastError
    {
        get
        {
            lock (Gate)
            {
                return _lastError;
            }
        }
    }

    /// <summary>Installs the callback; must run before the first native call to catch the load-time lines.</summary>
    public static void Install()
    {
        lock (Gate)
        {
            if (_installed)
            {
                return;
            }

            _installed = true;
            if (NativeLibraryConfig.LLama.LibraryHasLoaded)
            {
                NativeLogConfig.llama_log_set(OnLog);
            }
            else
            {
                NativeLibraryConfig.All.WithLogCallback(OnLog);
            }
        }
    }

    /// <summary>Forgets the last error (before an operation whose failure should be explained).</summary>
    public static void ClearLastError()
    {
        lock (Gate)
        {
            _lastError = null;
        }
    }

    private static void OnLog(LLamaLogLevel level, string message)
    {
        lock (Gate)
        {
            if (level == LLamaLogLevel.Continue)
            {
                level = _lastLevel;
            }

            _lastLevel = level;
            if (level != LLamaLogLevel.Error)
            {
                if (Verbose)
                {
                    Console.Error.Write(message);
                }

                return;
            }

            var line = message.Trim();
            if (line.Length > 0)
            {
                _lastError = line;
                Console.Error.WriteLine($"llama.cpp: {line}");
            }
        }
    }
}
