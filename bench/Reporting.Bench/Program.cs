using System.Diagnostics;
using Grpc.Net.Client;
using Microsoft.Extensions.DependencyInjection;
using Uitstroom.Contracts.Reporting.V1;
using Uitstroom.Reporting.Bench;
using Uitstroom.Reporting.Composition;
using Uitstroom.Reporting.Tests.Fixtures;

// Reporting's latency figures (issue 8, acceptance 3).
//   dotnet run -c Release --project bench/Reporting.Bench                       in process, real published results
//   dotnet run -c Release --project bench/Reporting.Bench -- --predict-ms 300   … with a simulated Predict cost
//   dotnet run -c Release --project bench/Reporting.Bench -- --reporting http://localhost:5141 --web http://localhost:5140 --board B
//                                                                               against a running stack
var options = BenchOptions.Parse(args);

// A log line per request would be measured along with the request; the service logs requests at Warning too.
Environment.SetEnvironmentVariable("Logging__LogLevel__Default", "Warning");
Console.WriteLine($"Reporting.Bench · {Environment.ProcessorCount} cores · {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");

ReportingHost? host = null;
PublishedBoardSources? sources = null;
Uri grpc, web;
if (options.Reporting is { } remote)
{
    (grpc, web) = (remote, options.Web ?? new Uri("http://localhost:5140"));
    Console.WriteLine($"target: running stack at {grpc} (pages {web}), board {options.Board}");
}
else
{
    sources = new PublishedBoardSources { PredictLatency = TimeSpan.FromMilliseconds(options.PredictMs) };
    host = new ReportingHost(sources, kestrel: true).Start();
    (grpc, web) = (host.GrpcAddress, host.HttpAddress);
    Console.WriteLine($"target: Reporting in process on loopback (h2c {grpc.Port}, http {web.Port}), sources = the real " +
                      $"published results of board {options.Board}, simulated Predict cost {options.PredictMs} ms per call");
}

var request = new GetBoardOverviewRequest { Bgnr = options.Board };

// Cold: nothing cached in Reporting; every part fetched from its source.
if (host is not null)
{
    var cache = host.Services.GetRequiredService<PartCache>();
    using var channel = Connect(grpc);
    var client = new BoardReports.BoardReportsClient(channel);
    await client.GetBoardOverviewAsync(request); // JIT and connection warm-up, then forget the data
    var cold = new List<double>();
    for (var i = 0; i < options.ColdRuns; i++)
    {
        cache.Clear();
        var sw = Stopwatch.StartNew();
        await client.GetBoardOverviewAsync(request);
        cold.Add(sw.Elapsed.TotalMilliseconds);
    }

    Latency.Print($"cold overview ({options.ColdRuns} runs, cache cleared before each)", cold);
}
else
{
    using var channel = Connect(grpc);
    var sw = Stopwatch.StartNew();
    await new BoardReports.BoardReportsClient(channel).GetBoardOverviewAsync(request);
    Console.WriteLine($"first overview from the running stack: {sw.Elapsed.TotalMilliseconds:0.0} ms (cold only if nothing asked for it before)");
}

// Where a cached call's time goes, in process and without gRPC: composing (the query's cached path) and serialising.
if (host is not null)
{
    var query = host.Services.GetRequiredService<BoardOverviewQuery>();
    var composed = await query.GetAsync(options.Board, CancellationToken.None);
    const int rounds = 5_000;
    var sw = Stopwatch.StartNew();
    for (var i = 0; i < rounds; i++)
    {
        await query.GetAsync(options.Board, CancellationToken.None);
    }

    var queryUs = sw.Elapsed.TotalMicroseconds / rounds;
    sw.Restart();
    var bytes = 0;
    for (var i = 0; i < rounds; i++)
    {
        bytes = Google.Protobuf.MessageExtensions.ToByteArray(composed).Length;
    }

    var serialiseUs = sw.Elapsed.TotalMicroseconds / rounds;
    Console.WriteLine($"cached path in process: query {queryUs:0.0} µs/call, protobuf serialisation {serialiseUs:0.0} µs/call ({bytes / 1024.0:0.0} KiB)");
}

// Cached: 8 concurrent clients, each on its own HTTP/2 connection, asking again and again.
{
    var gcBefore = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
    var cpuBefore = Environment.CpuUsage.TotalTime;
    var samples = new List<double>[options.Clients];
    var wall = Stopwatch.StartNew();
    await Task.WhenAll(Enumerable.Range(0, options.Clients).Select(async c =>
    {
        using var channel = Connect(grpc);
        var client = new BoardReports.BoardReportsClient(channel);
        await client.GetBoardOverviewAsync(request);
        var mine = samples[c] = new List<double>(options.CallsPerClient);
        for (var i = 0; i < options.CallsPerClient; i++)
        {
            var sw = Stopwatch.StartNew();
            await client.GetBoardOverviewAsync(request, deadline: DateTime.UtcNow.AddSeconds(10));
            mine.Add(sw.Elapsed.TotalMilliseconds);
        }
    }));
    var all = samples.SelectMany(s => s).ToList();
    Latency.Print($"cached overview, {options.Clients} concurrent clients × {options.CallsPerClient} calls", all);
    Console.WriteLine($"  throughput {all.Count / wall.Elapsed.TotalSeconds:0} calls/s; process CPU {(Environment.CpuUsage.TotalTime - cpuBefore).TotalMicroseconds / all.Count:0} µs per call " +
                      $"(server and clients); GCs gen0/1/2 {GC.CollectionCount(0) - gcBefore.Item1}/{GC.CollectionCount(1) - gcBefore.Item2}/{GC.CollectionCount(2) - gcBefore.Item3}; " +
                      $"load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");
}

// The board page in Chromium: from navigation start to the load event, cached data.
await PageTiming.Measure(web, options.Board, options.PageRuns, ApiKey());

if (host is not null)
{
    await host.DisposeAsync();
}

// Every call needs an API key (docs/security.md): UITSTROOM_API_KEY for a running stack, else the in-process
// host's test admin key.
static string ApiKey() => Environment.GetEnvironmentVariable("UITSTROOM_API_KEY") ?? Uitstroom.Tests.TestKeys.Admin;

static GrpcChannel Connect(Uri grpc) =>
    GrpcChannel.ForAddress(grpc, new GrpcChannelOptions { HttpHandler = Uitstroom.Tests.TestKeys.Handler(new SocketsHttpHandler(), ApiKey()) });
