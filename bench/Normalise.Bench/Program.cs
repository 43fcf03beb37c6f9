using System.Globalization;
using Uitstroom.Domain.Norms;
using Uitstroom.Normalise.Bench;
using Uitstroom.Normalise.Tables;

// Usage: dotnet run -c Release --project bench/Normalise.Bench [-- --quick] [--grpc-only]
var quick = args.Contains("--quick");
var grpcOnly = args.Contains("--grpc-only");
var inv = CultureInfo.InvariantCulture;
var tables = NormTableCatalog.LoadShipped().All.Where(t => t.Provider is "CITO" or "IEP" or "DIA").ToList();
var compiled = tables.Select(t => new CompiledNormTable(t)).ToArray();
Console.WriteLine($"Normalise benchmark — {Environment.ProcessorCount} cores, load average {LoadAverage()}, providers {string.Join(", ", tables.Select(t => t.Provider))}");
Console.WriteLine("(wall rates depend on what else runs; the per-CPU-second rate is what the code costs)");

var count = quick ? 1_000_000 : 10_000_000;
foreach (var mixed in grpcOnly ? [] : new[] { false, true })
{
    var results = new SyntheticResults(tables, count, routesMixed: mixed);
    var (wall, perCpu) = InProcessBench.Run(compiled, results, batchSize: 100_000, rounds: quick ? 3 : 5);
    Console.WriteLine(string.Format(inv, "in process, {0,-44} {1,6:N1} M results/s wall, {2,6:N1} M per CPU-second (target >= 5 M/s)",
        mixed ? "mixed routes (70% score, 10% each other):" : "score + table route:", wall / 1e6, perCpu / 1e6));
}

var edgeRequest = GrpcBench.Request(new SyntheticResults(tables, 100_000, routesMixed: true, seed: 5), tables, 0, 100_000);
var gcBefore = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
var edgeClock = System.Diagnostics.Stopwatch.StartNew();
var edge = EdgeBench.Run(new Uitstroom.Normalise.Services.BatchNormaliser(NormTableCatalog.LoadShipped()), edgeRequest, TimeSpan.FromSeconds(quick ? 2 : 4));
var steps = EdgeBench.Steps(new Uitstroom.Normalise.Services.BatchNormaliser(NormTableCatalog.LoadShipped()), edgeRequest, 200);
Console.WriteLine(string.Format(inv, "  per 100,000-result batch, best of 200: parse request {0:N1} ms, normalise {1:N1} ms, serialise reply {2:N1} ms, parse reply {3:N1} ms",
    steps.Parse * 1e3, steps.Normalise * 1e3, steps.Serialise * 1e3, steps.ParseReply * 1e3));
var allocated = EdgeBench.Allocations(new Uitstroom.Normalise.Services.BatchNormaliser(NormTableCatalog.LoadShipped()), edgeRequest);
Console.WriteLine(string.Format(inv, "  allocated per 100,000-result batch: parse request {0:N1} MB, normalise {1:N1} MB, serialise reply {2:N1} MB, parse reply {3:N1} MB",
    allocated.Parse / 1e6, allocated.Normalise / 1e6, allocated.Serialise / 1e6, allocated.ParseReply / 1e6));
Console.WriteLine(string.Format(inv, "gRPC edge without transport (parse, normalise, serialise, parse reply), one thread: {0,6:N2} M results/s; GCs gen0/1/2 {1}/{2}/{3} in {4:N1} s",
    edge / 1e6, GC.CollectionCount(0) - gcBefore.Item1, GC.CollectionCount(1) - gcBefore.Item2, GC.CollectionCount(2) - gcBefore.Item3, edgeClock.Elapsed.TotalSeconds));

await using var server = await GrpcBench.StartAsync();
Console.WriteLine($"gRPC NormaliseBatch over loopback Kestrel at {server.Address} (h2c)");
var sample = new SyntheticResults(tables, 100_000, routesMixed: true, seed: 5);
foreach (var (batch, concurrency) in new[] { (10_000, 2), (100_000, 1), (100_000, 2), (100_000, 4) })
{
    var request = GrpcBench.Request(sample, tables, 0, batch);
    var (perSecond, perCpu, bytes) = await server.RunAsync(request, concurrency, TimeSpan.FromSeconds(quick ? 2 : 5));
    Console.WriteLine(string.Format(inv, "gRPC, batch {0,7:N0} x {1} in flight ({2:N1} bytes/result): {3,6:N2} M results/s wall, {4,6:N2} M per CPU-second of client+server (target >= 1 M/s)",
        batch, concurrency, bytes, perSecond / 1e6, perCpu / 1e6));
}

// Other work on the machine lowers the wall-clock figures; the load average says how much there was.
static string LoadAverage() =>
    File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
