using Spectre.Console.Cli;

namespace MmluSharp.Cli;

/// <summary>Builds the <c>mmlu</c> command tree; the only place that wires the pieces together.</summary>
internal static class MmluApp
{
    public static Task<int> RunAsync(string[] args) => Create().RunAsync(args);

    public static CommandApp Create()
    {
        var app = new CommandApp();
        app.Configure(Configure);
        return app;
    }

    public static void Configure(IConfigurator config)
    {
        config.SetApplicationName("mmlu");
        config.SetApplicationVersion(typeof(MmluApp).Assembly.GetName().Version?.ToString(3) ?? "0.0.0");
    }
}
