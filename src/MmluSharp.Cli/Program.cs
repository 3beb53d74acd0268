using System.Globalization;
using MmluSharp.Cli;

CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
return await MmluApp.RunAsync(args).ConfigureAwait(false);
