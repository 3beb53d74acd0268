using MmluSharp.Cli;
using Spectre.Console.Cli.Testing;

namespace MmluSharp.Cli.Tests;

/// <summary>Runs the real <c>mmlu</c> command tree in-process with a test console.</summary>
internal static class Cli
{
    public static CommandAppResult Run(params string[] args)
    {
        var app = new CommandAppTester();
        app.Configure(config => MmluApp.Configure(config, app.Console, args));
        return app.Run(args);
    }

    public static async Task<CommandAppResult> RunAsync(params string[] args)
    {
        var app = new CommandAppTester();
        app.Configure(config => MmluApp.Configure(config, app.Console, args));
        return await app.RunAsync(args);
    }

    public static string TempFolder(string name) => Directory.CreateTempSubdirectory("mmlu-cli-" + name).FullName;
}
