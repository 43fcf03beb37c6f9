using System.Globalization;
using Uitstroom.Domain.Norms;
using Uitstroom.Normalise.Bench;
using Uitstroom.Normalise.Tables;

// Usage: dotnet run -c Release --project bench/Normalise.Bench [-- --quick]
var quick = args.Contains("--quick");
var inv = CultureInfo.InvariantCulture;
var tables = NormTableCatalog.LoadShipped().All.Where(t => t.Provider is "CITO" or "IEP" or "DIA").ToList();
var compiled = tables.Select(t => new CompiledNormTable(t)).ToArray();
Console.WriteLine($"Normalise benchmark — {Environment.ProcessorCount} cores, load average {LoadAverage()}, providers {string.Join(", ", tables.Select(t => t.Provider))}");
Console.WriteLine("(wall rates depend on what else runs; the per-CPU-second rate is what the code costs)");

var count = quick ? 1_000_000 : 10_000_000;
foreach (var mixed in new[] { false, true })
{
    var results = new SyntheticResults(tables, count, routesMixed: mixed);
    var (wall, perCpu) = InProcessBench.Run(compiled, results, batchSize: 100_000, rounds: quick ? 3 : 5);
    Console.WriteLine(string.Format(inv, "in process, {0,-44} {1,6:N1} M results/s wall, {2,6:N1} M per CPU-second (target >= 5 M/s)",
        mixed ? "mixed routes (70% score, 10% each other):" : "score + table route:", wall / 1e6, perCpu / 1e6));
}

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
