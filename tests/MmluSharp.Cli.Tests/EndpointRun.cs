using System.Text;
using System.Text.Json;
using MmluSharp.OpenAI.Tests;
using MmluSharp.Testing;

namespace MmluSharp.Cli.Tests;

/// <summary>What the endpoint run tests share: the command line against a loopback server, the error lines, the files written.</summary>
internal static class EndpointRun
{
    public static string[] Args(string endpoint, string folder, string scoring, string subjects, string limit, params string[] extra) =>
        ["run", "--endpoint", endpoint, "--model", "fake-model", "--scoring", scoring, "--data", SharedData.Mmlu,
         "--subjects", subjects, "--limit", limit, "--shots", "5", "--out", folder, "--retries", "1", .. extra];

    public static string[] Args(FakeServer server, string folder, string scoring = "letter", string limit = "4", params string[] extra) =>
        Args(server.BaseUrl.ToString(), folder, scoring, "anatomy,virology", limit, extra);

    public static string[] ErrorLines(string output) =>
        [.. output.Split('\n').Where(l => l.StartsWith("error:", StringComparison.Ordinal))];

    public static JsonElement Overall(string folder) =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "results.json"))).RootElement.GetProperty("overall");

    public static void AssertNowhere(string folder, string output, string secret)
    {
        Assert.DoesNotContain(secret, output, StringComparison.Ordinal);
        foreach (var file in Directory.GetFiles(folder))
        {
            var text = Encoding.UTF8.GetString(File.ReadAllBytes(file));
            Assert.False(text.Contains(secret, StringComparison.Ordinal), $"{Path.GetFileName(file)} holds '{secret}'");
        }
    }
}
