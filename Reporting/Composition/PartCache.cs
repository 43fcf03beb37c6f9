using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Uitstroom.Contracts.Reporting.V1;
using Uitstroom.Reporting.Sources;

namespace Uitstroom.Reporting.Composition;

/// <summary>
/// Keeps the last good answer of every part in process. It is reused as is while younger than
/// <see cref="SourceOptions.FreshFor"/>, and served labelled as stale when the owner fails later — a Predict outage
/// then shows yesterday's outlook with a notice instead of an empty page. Concurrent misses for one key share one
/// fetch, so eight clients arriving together at a cold board cost Predict one call, not eight.
/// Entries are per board or school, a few kilobytes each: bounded by the registry's size.
/// </summary>
public sealed class PartCache(TimeProvider clock, IOptions<SourceOptions> options)
{
    private readonly ConcurrentDictionary<string, (object Value, DateTimeOffset At)> _lastGood = new();
    private readonly ConcurrentDictionary<string, Lazy<Task<object>>> _inFlight = new();

    public async Task<Part<T>> GetAsync<T>(string key, Func<CancellationToken, Task<T>> fetch, CancellationToken ct)
        where T : class
    {
        var now = clock.GetUtcNow();
        if (_lastGood.TryGetValue(key, out var entry) && now - entry.At < options.Value.FreshFor)
        {
            return new Part<T>((T)entry.Value, Freshness.Current, entry.At, null);
        }

        try
        {
            var value = (T)await Shared(key, fetch, ct);
            return new Part<T>(value, Freshness.Current, _lastGood.TryGetValue(key, out var e) ? e.At : now, null);
        }
        catch (SourceUnavailableException e)
        {
            return _lastGood.TryGetValue(key, out var last)
                ? new Part<T>((T)last.Value, Freshness.Stale, last.At, e.Reason)
                : new Part<T>(null, Freshness.Unavailable, null, e.Reason);
        }
    }

    /// <summary>Forgets every entry (tests and benchmarks measure the cold path with it).</summary>
    public void Clear() => _lastGood.Clear();

    private async Task<object> Shared<T>(string key, Func<CancellationToken, Task<T>> fetch, CancellationToken ct)
        where T : class
    {
        // The shared fetch must not die with the first caller's cancellation, so it runs on its own token; its
        // deadline (set by the source) still bounds it.
        var lazy = _inFlight.GetOrAdd(key, _ => new Lazy<Task<object>>(async () =>
        {
            try
            {
                var value = await fetch(CancellationToken.None);
                _lastGood[key] = (value, clock.GetUtcNow());
                return value;
            }
            finally
            {
                _inFlight.TryRemove(key, out Lazy<Task<object>>? _);
            }
        }));
        return await lazy.Value.WaitAsync(ct);
    }
}
