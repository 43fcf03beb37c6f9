using Microsoft.Extensions.Logging;
using Polly;
using Polly.CircuitBreaker;
using Polly.Timeout;
using StackExchange.Redis;

namespace Uitstroom.Predict.Caching;

/// <summary>
/// Redis in front of the forecasts, and never in their way: every call has a short timeout, and a circuit breaker
/// stops calling Redis for a while after repeated failures, so with Redis down a request costs no Redis wait at all
/// and is simply computed. Without a configured "cache" connection the cache is off.
/// </summary>
public sealed partial class ForecastCache
{
    // Forecasts change with an import or a new model (both in the key); a day bounds what stale keys cost.
    private static readonly TimeSpan TimeToLive = TimeSpan.FromHours(24);

    private readonly IConnectionMultiplexer? redis;
    private readonly CacheMetrics metrics;
    private readonly ILogger<ForecastCache> log;
    private readonly ResiliencePipeline pipeline;

    public ForecastCache(IConnectionMultiplexer? redis, CacheMetrics metrics, ILogger<ForecastCache> log)
    {
        this.redis = redis;
        this.metrics = metrics;
        this.log = log;
        pipeline = new ResiliencePipelineBuilder()
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<RedisException>().Handle<TimeoutRejectedException>().Handle<TimeoutException>(),
                FailureRatio = 0.5,
                MinimumThroughput = 2,
                SamplingDuration = TimeSpan.FromSeconds(30),
                BreakDuration = TimeSpan.FromSeconds(15),
            })
            // Polly's timeout only cancels the token; StackExchange.Redis calls take none, so each call waits on
            // the token (WaitAsync) — without it a hanging Redis held the request for the library's 5 s sync timeout.
            .AddTimeout(TimeSpan.FromMilliseconds(500))
            .Build();
    }

    public bool Enabled => redis is not null;

    public async Task<byte[]?> GetAsync(string key, string kind, CancellationToken ct)
    {
        if (redis is null)
        {
            metrics.Miss(kind);
            return null;
        }

        try
        {
            var value = await pipeline.ExecuteAsync(async token => await redis.GetDatabase().StringGetAsync(key).WaitAsync(token).ConfigureAwait(false), ct).ConfigureAwait(false);
            if (value.HasValue)
            {
                metrics.Hit(kind);
                return (byte[])value!;
            }
        }
        catch (Exception e) when (e is RedisException or BrokenCircuitException or TimeoutRejectedException or TimeoutException)
        {
            metrics.Failure();
            LogUnavailable(log, "read", e.GetType().Name);
        }

        metrics.Miss(kind);
        return null;
    }

    public async Task SetAsync(string key, byte[] value, CancellationToken ct)
    {
        if (redis is null)
        {
            return;
        }

        try
        {
            await pipeline.ExecuteAsync(async token => await redis.GetDatabase().StringSetAsync(key, value, TimeToLive).WaitAsync(token).ConfigureAwait(false), ct).ConfigureAwait(false);
        }
        catch (Exception e) when (e is RedisException or BrokenCircuitException or TimeoutRejectedException or TimeoutException)
        {
            metrics.Failure();
            LogUnavailable(log, "write", e.GetType().Name);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Redis {Operation} skipped ({Reason}); the forecast is computed without the cache")]
    private static partial void LogUnavailable(ILogger logger, string operation, string reason);
}
