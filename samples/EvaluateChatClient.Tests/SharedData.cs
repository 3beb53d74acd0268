namespace EvaluateChatClient.Tests;

/// <summary>The MMLU CSVs: under $MMLU_SHARED, else in a <c>shared</c> folder beside a parent of the tests.</summary>
internal static class SharedData
{
    public static string Mmlu
    {
        get
        {
            if (Environment.GetEnvironmentVariable("MMLU_SHARED") is { Length: > 0 } shared)
            {
                return Path.Combine(shared, "datasets", "mmlu");
            }

            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "shared", "datasets", "mmlu");
                if (Directory.Exists(candidate))
                {
                    return candidate;
                }
            }

            throw new DirectoryNotFoundException("No MMLU data: set MMLU_SHARED to the folder holding datasets/mmlu.");
        }
    }
}
