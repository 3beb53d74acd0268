using System.Runtime.CompilerServices;

namespace MmluSharp.Testing;

/// <summary>Finds <c>../shared</c>: the <c>MMLU_SHARED</c> variable first, else the folder beside the repository.</summary>
internal static class SharedData
{
    public static string Root { get; } = Locate();

    public static string Mmlu => Path.Combine(Root, "datasets", "mmlu");

    public static string QloraVal => Path.Combine(Root, "datasets", "qlora-mmlu", "zero_shot_mmlu_val.json");

    public static string Model(string file) => Path.Combine(Root, "models", file);

    public static string Dataset(params string[] parts) => Path.Combine([Root, "datasets", .. parts]);

    private static string Locate([CallerFilePath] string here = "")
    {
        var fromEnv = Environment.GetEnvironmentVariable("MMLU_SHARED");
        if (!string.IsNullOrEmpty(fromEnv) && Directory.Exists(fromEnv))
        {
            return Path.GetFullPath(fromEnv);
        }

        // tests/Shared/SharedData.cs -> repository root -> ../shared
        var repo = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(here)!, "..", ".."));
        return Path.GetFullPath(Path.Combine(repo, "..", "shared"));
    }
}
