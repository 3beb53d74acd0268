using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MmluSharp.Testing;

/// <summary>Kestrel on 127.0.0.1 with a free port, for the servers tests and benchmarks talk to; never the internet.</summary>
internal static class Loopback
{
    /// <summary>Starts an app whose routes <paramref name="map"/> adds; returns it and its address (<c>http://127.0.0.1:PORT</c>).</summary>
    public static async Task<(WebApplication App, string Address)> StartAsync(Action<WebApplication> map)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        map(app);
        await app.StartAsync().ConfigureAwait(false);
        return (app, app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
    }

    /// <summary>The address of a loopback port nobody listens on (connections are refused): <c>http://127.0.0.1:PORT</c>.</summary>
    public static string RefusingAddress()
    {
        var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return $"http://127.0.0.1:{port.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
    }
}
