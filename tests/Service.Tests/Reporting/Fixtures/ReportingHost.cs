using System.Net;
using System.Net.Sockets;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Uitstroom.Reporting.Sources;
using Uitstroom.Tests;

namespace Uitstroom.Reporting.Tests.Fixtures;

/// <summary>
/// Reporting hosted with its sources replaced by <paramref name="sources"/>. In memory by default; with
/// <paramref name="kestrel"/> it listens like the real service — gRPC (h2c) and HTTP/1 on two free loopback ports —
/// so a browser, Node.js or curl can reach it.
/// </summary>
public sealed class ReportingHost(PublishedBoardSources sources, bool kestrel = false, TimeSpan? freshFor = null)
    : WebApplicationFactory<ReportingProgram>
{
    public int GrpcPort { get; } = kestrel ? FreePort() : 0;

    public int HttpPort { get; } = kestrel ? FreePort() : 0;

    public Uri GrpcAddress => new($"http://127.0.0.1:{GrpcPort}");

    public Uri HttpAddress => new($"http://127.0.0.1:{HttpPort}");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        // Reporting reads no files from its content root; the binaries' folder exists wherever this host runs (the
        // benchmark is not a test project, so it has no test manifest naming the project folder).
        builder.UseContentRoot(AppContext.BaseDirectory);
        if (kestrel)
        {
            // Read by GrpcHosting before the app is built, so they are host settings rather than app configuration.
            builder.UseSetting("GRPC_PORT", GrpcPort.ToString(System.Globalization.CultureInfo.InvariantCulture));
            builder.UseSetting("HTTP_PORT", HttpPort.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        builder.UseSetting("Reporting:FreshFor", (freshFor ?? TimeSpan.FromSeconds(60)).ToString());
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<IRegistrySource>(sources);
            services.AddSingleton<ILookbackSource>(sources);
            services.AddSingleton<IForecastSource>(sources);
            services.AddSingleton<IMonitoringSource>(sources);
        });
    }

    /// <summary>Starts the real server (Kestrel mode only) and returns when both ports accept connections.</summary>
    public ReportingHost Start()
    {
        if (kestrel)
        {
            UseKestrel();
            StartServer();
        }
        else
        {
            _ = Server;
        }

        return this;
    }

    /// <summary>A channel that calls with <paramref name="key"/>: the test admin key by default (TestKeys).</summary>
    public GrpcChannel Channel(string? key = null) => kestrel
        ? GrpcChannel.ForAddress(GrpcAddress, new GrpcChannelOptions { HttpHandler = TestKeys.Handler(new SocketsHttpHandler(), key) })
        : GrpcChannel.ForAddress(Server.BaseAddress, new GrpcChannelOptions { HttpHandler = TestKeys.Handler(Server.CreateHandler(), key) });

    /// <summary>Pages and JSON with <paramref name="key"/> (the test admin key by default); no redirects followed.</summary>
    public HttpClient Http(string? key = null) => kestrel
        ? new HttpClient(TestKeys.Handler(new SocketsHttpHandler { AllowAutoRedirect = false }, key)) { BaseAddress = HttpAddress }
        : CreateDefaultClient(TestKeys.Handler(null, key));

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
