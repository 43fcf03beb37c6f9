using System.Diagnostics;
using System.Globalization;

namespace Uitstroom.Load.Bench;

/// <summary>The outcome of one scenario: every operation's latency and every error, with its wall time.</summary>
public sealed record LoadResult(string Scenario, int Clients, TimeSpan Elapsed, IReadOnlyList<double> LatenciesMs, IReadOnlyList<string> Errors)
{
    public string Line()
    {
        var sorted = LatenciesMs.Order().ToArray();
        double P(double q) => sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];
        var inv = CultureInfo.InvariantCulture;
        return string.Create(inv,
            $"{Scenario,-22} clients {Clients,3}  ops {sorted.Length,6}  {sorted.Length / Elapsed.TotalSeconds,8:0.0}/s  p50 {P(0.50),8:0.0} ms  p95 {P(0.95),8:0.0} ms  p99 {P(0.99),8:0.0} ms  max {(sorted.Length == 0 ? double.NaN : sorted[^1]),8:0.0} ms  errors {Errors.Count}");
    }
}

/// <summary>
/// A fixed number of clients, each running one operation after another for a fixed time (a closed loop: a client
/// sends its next request only when the last one is answered, so the load is bounded by the client count).
/// </summary>
public static class LoadRun
{
    public static async Task<LoadResult> RunAsync(string scenario, int clients, TimeSpan duration, Func<int, long, CancellationToken, Task> operation)
    {
        var latencies = new List<double>();
        var errors = new List<string>();
        using var stop = new CancellationTokenSource(duration);
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(client => Task.Run(async () =>
        {
            for (long n = 0; !stop.IsCancellationRequested; n++)
            {
                var started = Stopwatch.GetTimestamp();
                try
                {
                    // The operation gets no cancellation from the clock: a request in flight when time is up finishes.
                    await operation(client, n, CancellationToken.None);
                    lock (latencies)
                    {
                        latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                    }
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    lock (errors)
                    {
                        errors.Add($"{e.GetType().Name}: {e.Message}");
                    }
                }
            }
        })));
        return new LoadResult(scenario, clients, watch.Elapsed, latencies, errors);
    }
}
