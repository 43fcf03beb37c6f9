using System.Diagnostics;
using Uitstroom.Domain.Norms;

namespace Uitstroom.Normalise.Bench;

/// <summary>The pure normaliser on one thread, in batches as Ingest would send them.</summary>
internal static class InProcessBench
{
    /// <summary>Best wall-clock rate, and the rate per CPU-second (what one free core would do).</summary>
    public static (double Wall, double PerCpuSecond) Run(CompiledNormTable[] tables, SyntheticResults results, int batchSize, int rounds)
    {
        var uniform = new double[batchSize];
        var percentile = new double[batchSize];
        var source = new PercentileSource[batchSize];
        var route = new NormRoute[batchSize];
        var checksum = 0.0;
        var best = 0.0;
        var bestCpu = 0.0;
        using var process = System.Diagnostics.Process.GetCurrentProcess();
        for (var round = 0; round < rounds; round++)
        {
            process.Refresh();
            var cpu = process.TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            for (var start = 0; start < results.Count; start += batchSize)
            {
                var n = Math.Min(batchSize, results.Count - start);
                var input = new ResultColumns(
                    results.Table.AsSpan(start, n), results.Subject.AsSpan(start, n), results.Moment.AsSpan(start, n),
                    results.Score.AsSpan(start, n), results.Percentile.AsSpan(start, n), results.Band.AsSpan(start, n), results.Level.AsSpan(start, n));
                Normaliser.Normalise(tables, input, new NormalisedColumns(uniform, percentile, source, route));
                checksum += uniform[n - 1];
            }

            best = Math.Max(best, results.Count / clock.Elapsed.TotalSeconds);
            process.Refresh();
            bestCpu = Math.Max(bestCpu, results.Count / (process.TotalProcessorTime - cpu).TotalSeconds);
        }

        // The checksum keeps the work observable so none of it is optimised away.
        return checksum == 0 ? (0, 0) : (best, bestCpu);
    }
}
