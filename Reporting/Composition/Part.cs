using Uitstroom.Contracts.Reporting.V1;

namespace Uitstroom.Reporting.Composition;

/// <summary>
/// One part of a report (registry, look-back, forecast) as fetched from its owner: current, the last good answer
/// when the owner failed (stale), or nothing at all (unavailable, with the reason).
/// </summary>
public sealed record Part<T>(T? Value, Freshness Freshness, DateTimeOffset? FetchedAt, string? Failure)
    where T : class
{
    public PartStatus Status() => new()
    {
        Freshness = Freshness,
        FetchedAt = FetchedAt?.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ") ?? "",
    };
}
