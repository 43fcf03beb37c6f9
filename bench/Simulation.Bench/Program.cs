using System.Diagnostics;
using System.Globalization;
using Uitstroom.Simulation;
using Uitstroom.Simulation.Output;

// Usage: dotnet run -c Release --project bench/Simulation.Bench [-- --schools N] [--keep DIR] [--lvs-truth]
// Default: the national world (6,200 schools, LVS from groep 5, eight school years) into a temporary folder.
var inv = CultureInfo.InvariantCulture;
var schools = Arg("--schools") is { } n ? int.Parse(n, inv) : 6200;
var keep = Arg("--keep");
var lvsTruth = args.Contains("--lvs-truth");
var options = SimulationOptions.National(seed: 1) with { Schools = schools };
var folder = keep ?? Directory.CreateTempSubdirectory("uitstroom-sim-bench-").FullName;

// Peak memory sampled during the run: the process's peak working set is the honest figure for "bounded".
var peakManaged = 0L;
using var sampler = new Timer(_ => peakManaged = Math.Max(peakManaged, GC.GetTotalMemory(false)), null, 0, 200);
var clock = Stopwatch.StartNew();
var world = World.Generate(options);
var progressEvery = Math.Max(1, schools / 10);
var summary = new WorldWriter(folder, lvsTruth).Write(world, progress: new Progress(progressEvery, clock));
clock.Stop();
var process = Process.GetCurrentProcess();
process.Refresh();
var bytes = Directory.GetFiles(folder, "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length);
var rows = summary.LvsRows + summary.OutflowRows;

Console.WriteLine(string.Create(inv, $"schools {summary.Schools:N0} in {world.Boards.Count:N0} boards, pupils {summary.Pupils:N0}, years {options.FirstYear}..{options.CurrentYear}, cores {Environment.ProcessorCount}"));
Console.WriteLine(string.Create(inv, $"LVS rows {summary.LvsRows:N0}, outflow rows {summary.OutflowRows:N0}, files {bytes / 1e9:0.00} GB{(lvsTruth ? " (with truth/lvs)" : "")}"));
Console.WriteLine(string.Create(inv, $"elapsed {clock.Elapsed.TotalSeconds:0.0} s, {rows / clock.Elapsed.TotalSeconds:N0} rows/s, {bytes / 1e6 / clock.Elapsed.TotalSeconds:0} MB/s"));
Console.WriteLine(string.Create(inv, $"peak working set {process.PeakWorkingSet64 / 1e6:0} MB, peak managed heap {peakManaged / 1e6:0} MB"));
if (keep is null)
{
    Directory.Delete(folder, recursive: true);
}

string? Arg(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;

/// <summary>Prints a line every tenth of the schools, synchronously (Progress&lt;T&gt; would post to the pool).</summary>
internal sealed class Progress(int every, Stopwatch clock) : IProgress<int>
{
    public void Report(int value)
    {
        if (value % every == 0)
        {
            // A full collection here shows what is really held (the live set), as opposed to garbage not yet collected.
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {value:N0} schools, {clock.Elapsed.TotalSeconds:0.0} s, live heap {GC.GetTotalMemory(true) / 1e6:0} MB"));
        }
    }
}
