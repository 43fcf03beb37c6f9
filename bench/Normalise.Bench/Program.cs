using System.Globalization;
using Uitstroom.Domain.Norms;
using Uitstroom.Normalise.Bench;
using Uitstroom.Normalise.Tables;

// Usage: dotnet run -c Release --project bench/Normalise.Bench [-- --quick]
var quick = args.Contains("--quick");
var inv = CultureInfo.InvariantCulture;
var tables = NormTableCatalog.LoadShipped().All.Where(t => t.Provider is "CITO" or "IEP" or "DIA").ToList();
var compiled = tables.Select(t => new CompiledNormTable(t)).ToList();
Console.WriteLine($"Normalise benchmark — {Environment.ProcessorCount} cores, providers {string.Join(", ", tables.Select(t => t.Provider))}");

var count = quick ? 1_000_000 : 10_000_000;
foreach (var mixed in new[] { false, true })
{
    var results = new SyntheticResults(tables, count, routesMixed: mixed);
    var rate = InProcessBench.Run(compiled, results, batchSize: 100_000, rounds: quick ? 3 : 5);
    Console.WriteLine(string.Format(inv, "in process, {0,-44} {1,8:N1} M results/s  (target >= 5 M/s)",
        mixed ? "mixed routes (70% score, 10% each other):" : "score + table route:", rate / 1e6));
}

await using var server = await GrpcBench.StartAsync();
Console.WriteLine($"gRPC NormaliseBatch over loopback Kestrel at {server.Address} (h2c)");
var sample = new SyntheticResults(tables, 100_000, routesMixed: true, seed: 5);
foreach (var (batch, concurrency) in new[] { (10_000, 2), (100_000, 1), (100_000, 2), (100_000, 4) })
{
    var request = GrpcBench.Request(sample, tables, 0, batch);
    var (perSecond, bytes) = await server.RunAsync(request, concurrency, TimeSpan.FromSeconds(quick ? 2 : 5));
    Console.WriteLine(string.Format(inv, "gRPC, batch {0,7:N0} x {1} in flight ({2:N1} bytes/result): {3,8:N2} M results/s  (target >= 1 M/s)",
        batch, concurrency, bytes, perSecond / 1e6));
}
