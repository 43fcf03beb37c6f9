using System.Diagnostics.Metrics;

namespace Uitstroom.Predict.Caching;

/// <summary>
/// Cache hits, misses and Redis failures, as OpenTelemetry counters on the "Uitstroom" meter (exported by
/// ServiceDefaults) and as plain totals for tests and the health of the cache.
/// </summary>
public sealed class CacheMetrics : IDisposable
{
    public const string MeterName = "Uitstroom";

    private readonly Meter meter = new(MeterName);
    private readonly Counter<long> hits;
    private readonly Counter<long> misses;
    private readonly Counter<long> failures;
    private long hitCount;
    private long missCount;
    private long failureCount;

    public CacheMetrics()
    {
        hits = meter.CreateCounter<long>("uitstroom.predict.cache.hits", description: "forecasts served from Redis");
        misses = meter.CreateCounter<long>("uitstroom.predict.cache.misses", description: "forecasts computed (not in Redis)");
        failures = meter.CreateCounter<long>("uitstroom.predict.cache.failures", description: "Redis calls that failed or were skipped by the circuit breaker");
    }

    public long Hits => Interlocked.Read(ref hitCount);

    public long Misses => Interlocked.Read(ref missCount);

    public long Failures => Interlocked.Read(ref failureCount);

    public void Hit(string kind)
    {
        Interlocked.Increment(ref hitCount);
        hits.Add(1, new KeyValuePair<string, object?>("kind", kind));
    }

    public void Miss(string kind)
    {
        Interlocked.Increment(ref missCount);
        misses.Add(1, new KeyValuePair<string, object?>("kind", kind));
    }

    public void Failure()
    {
        Interlocked.Increment(ref failureCount);
        failures.Add(1);
    }

    public void Dispose() => meter.Dispose();
}
