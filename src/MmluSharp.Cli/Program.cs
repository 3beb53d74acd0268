using MmluSharp.Cli;

return await MmluApp.RunAsync(args).ConfigureAwait(false);
