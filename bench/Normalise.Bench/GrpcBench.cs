using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;
using Uitstroom.Contracts.Normalise.V1;
using Uitstroom.Domain.Norms;
using Uitstroom.Normalise.Services;
using Uitstroom.ServiceDefaults;
using V1 = Uitstroom.Contracts.Normalise.V1;

namespace Uitstroom.Normalise.Bench;

/// <summary>
/// NormaliseBatch through a real HTTP/2 channel to the Normalise service hosted on Kestrel over loopback, wired
/// exactly as the service wires itself (AddGrpcService, AddNormaliseServices).
/// </summary>
internal sealed class GrpcBench : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly string _tablesPath;

    private GrpcBench(WebApplication app, string tablesPath) => (_app, _tablesPath) = (app, tablesPath);

    public Uri Address { get; private set; } = null!;

    public static async Task<GrpcBench> StartAsync()
    {
        var grpcPort = FreePort();
        var builder = WebApplication.CreateBuilder();
        // Registered tables would go here; the benchmark registers none, but never touches a user's folder.
        var tablesPath = Path.Combine(Path.GetTempPath(), $"uitstroom-bench-norms-{Guid.NewGuid():N}");
        builder.Configuration[GrpcHosting.GrpcPortVariable] = grpcPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        builder.Configuration[GrpcHosting.HttpPortVariable] = FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture);
        builder.Configuration["Normalise:TablesPath"] = tablesPath;
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.AddGrpcService();
        builder.AddNormaliseServices();
        var app = builder.Build();
        app.MapGrpcService<NormTablesService>();
        await app.StartAsync();
        return new GrpcBench(app, tablesPath) { Address = new Uri($"http://127.0.0.1:{grpcPort}") };
    }

    public static V1.NormaliseBatchRequest Request(SyntheticResults results, IReadOnlyList<NormTable> tables, int start, int n)
    {
        var request = new V1.NormaliseBatchRequest();
        request.Providers.Add(tables.Select(t => t.Provider));
        for (var i = start; i < start + n; i++)
        {
            request.ProviderIndex.Add((uint)results.Table[i]);
            request.Subject.Add((V1.Subject)((int)results.Subject[i] + 1));
            request.Moment.Add((V1.TestMoment)(Domain.Vocabulary.TestMoment.All.ToList().IndexOf(results.Moment[i]) + 1));
            request.Score.Add(results.Score[i]);
            request.Percentile.Add(results.Percentile[i]);
            request.Band.Add((V1.NormBand)(int)results.Band[i]);
            request.ReportedLevel.Add((V1.OnTrackLevel)(int)results.Level[i]);
        }

        return request;
    }

    /// <summary>Results per second over <paramref name="duration"/> with <paramref name="concurrency"/> calls in flight.</summary>
    public async Task<(double PerSecond, double PerCpuSecond, double BytesPerResult)> RunAsync(V1.NormaliseBatchRequest request, int concurrency, TimeSpan duration)
    {
        using var channel = GrpcChannel.ForAddress(Address, new GrpcChannelOptions
        {
            MaxReceiveMessageSize = 64 * 1024 * 1024,
            MaxSendMessageSize = 64 * 1024 * 1024,
            HttpHandler = Uitstroom.Tests.TestKeys.Handler(new SocketsHttpHandler { EnableMultipleHttp2Connections = true }),
        });
        var client = new NormTables.NormTablesClient(channel);
        var n = request.ProviderIndex.Count;

        // Warm up the JIT, the connection and the pools.
        for (var i = 0; i < 3; i++)
        {
            var reply = await client.NormaliseBatchAsync(request);
            if (reply.Uniform.Count != n)
            {
                throw new InvalidOperationException("the reply does not have one value per result");
            }
        }

        var calls = 0L;
        using var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, concurrency).Select(async _ =>
        {
            while (clock.Elapsed < duration)
            {
                await client.NormaliseBatchAsync(request, deadline: DateTime.UtcNow.AddSeconds(30));
                Interlocked.Increment(ref calls);
            }
        });
        await Task.WhenAll(workers);
        var elapsed = clock.Elapsed.TotalSeconds;
        process.Refresh();

        // Client and server share this process, so CPU time covers both ends of the call.
        return (calls * n / elapsed, calls * n / (process.TotalProcessorTime - cpu).TotalSeconds, request.CalculateSize() / (double)n);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        if (Directory.Exists(_tablesPath))
        {
            Directory.Delete(_tablesPath, recursive: true);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
