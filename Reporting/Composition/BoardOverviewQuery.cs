using System.Collections.Concurrent;
using Uitstroom.Contracts.Reporting.V1;
using Uitstroom.Domain.Vocabulary;
using Uitstroom.Reporting.Sources;

namespace Uitstroom.Reporting.Composition;

/// <summary>
/// Composes the board overview from the registry (Ingest), the look-back and the forecast (Predict). The three are
/// fetched side by side, each with its own deadline; a failed Predict part leaves the rest of the overview current.
/// The gRPC API, the HTML page and the exports all read this one result.
/// </summary>
public sealed class BoardOverviewQuery(
    IRegistrySource registry, ILookbackSource lookback, IForecastSource forecast, IMonitoringSource monitoring, PartCache cache, TimeProvider clock)
{
    // The last overview composed per board with the part answers it was made of. While the parts are the same
    // objects with the same freshness, it is returned as is: a busy board page then costs three dictionary
    // lookups, not a new composition. Callers only read the message (gRPC serialises it; pages format it).
    private readonly ConcurrentDictionary<string, Composed> _composed = new();

    public async Task<BoardOverview> GetAsync(string bgnr, CancellationToken ct)
    {
        var board = BoardNumber.Parse(bgnr);
        var registryPart = cache.GetAsync($"registry:{board}", c => registry.GetBoardAsync(board, c), ct);
        var lookbackPart = cache.GetAsync($"lookback:{board}", c => lookback.GetBoardAsync(board, c), ct);
        var forecastPart = cache.GetAsync($"forecast:{board}", c => forecast.GetBoardAsync(board, c), ct);
        var monitoringPart = cache.GetAsync($"monitoring:{board}", c => monitoring.GetBoardAsync(board, c), ct);

        var registered = await registryPart;
        var schools = RequireRegistry(registered);
        var past = await lookbackPart;
        var future = await forecastPart;
        var over = await monitoringPart;
        if (_composed.TryGetValue(board, out var last) && last.IsMadeOf(registered, past, future, over))
        {
            return last.Overview;
        }

        var overview = Compose(schools, past, future, over);
        _composed[board] = new Composed(registered, past, future, over, overview);
        return overview;
    }

    private BoardOverview Compose(
        BoardWithSchools schools, Part<BoardLookbackFacts> past, Part<BoardForecastFacts> future, Part<MonitoringFacts> over)
    {
        var overview = new BoardOverview
        {
            Bgnr = schools.Board.Bgnr,
            Name = schools.Board.Name,
            GeneratedAt = clock.GetUtcNow().UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ"),
            Lookback = past.Status(),
            Forecast = future.Status(),
            SignaleringswaardenSource = past.Value?.SignaleringswaardenSource ?? "",
            ForecastAsOf = future.Value?.AsOf ?? "",
            ModelVersion = future.Value?.ModelVersion ?? "",
            Monitoring = over.Status(),
            TrackRecord = Monitoring.Summary(over.Value),
        };
        overview.Notices.AddRange(Notices.For(past, "terugblik (gerealiseerde uitstroom)", "lookback_unavailable"));
        overview.Notices.AddRange(Notices.For(future, "prognose", "forecast_unavailable"));

        overview.Notices.AddRange(Notices.For(over, "monitoring (verloop en trackrecord)", "monitoring_unavailable"));
        overview.Notices.AddRange(Notices.Empty(past));
        overview.Snapshots.AddRange(Monitoring.Snapshots(over.Value));

        var pastOf = LookbackIndex.Of(past.Value);
        var futureBySchool = future.Value?.Schools.ToDictionary(s => (s.Brin, s.Vestiging)) ?? [];
        overview.Schools.AddRange(schools.Schools.Select(s =>
            Rows.School(s, pastOf(s), futureBySchool.GetValueOrDefault((s.Brin, s.Vestiging)), over.Value)));
        overview.RealisedYears.AddRange(Years(overview.Schools.SelectMany(s => s.Fundamental.Realised.Select(y => y.SchoolYear))));
        overview.ForecastYears.AddRange(Years(overview.Schools.SelectMany(s => s.Fundamental.Forecast.Select(y => y.SchoolYear))));
        return overview;
    }

    private sealed record Composed(
        Part<BoardWithSchools> Registry, Part<BoardLookbackFacts> Lookback, Part<BoardForecastFacts> Forecast, Part<MonitoringFacts> Monitoring,
        BoardOverview Overview)
    {
        public bool IsMadeOf(
            Part<BoardWithSchools> registry, Part<BoardLookbackFacts> lookback, Part<BoardForecastFacts> forecast, Part<MonitoringFacts> monitoring) =>
            Same(Registry, registry) && Same(Lookback, lookback) && Same(Forecast, forecast) && Same(Monitoring, monitoring);

        private static bool Same<T>(Part<T> a, Part<T> b)
            where T : class =>
            ReferenceEquals(a.Value, b.Value) && a.Freshness == b.Freshness && a.FetchedAt == b.FetchedAt;
    }

    internal static BoardWithSchools RequireRegistry(Part<BoardWithSchools> part) =>
        part.Value ?? throw new SourceUnavailableException("ingest", part.Failure ?? "no answer");

    /// <summary>The years shown as columns: every year any school has, in order (at most three realised or forecast).</summary>
    internal static IEnumerable<string> Years(IEnumerable<string> years) =>
        years.Distinct().OrderBy(y => SchoolYear.TryParse(y, out var s) ? s.StartYear : int.MaxValue).TakeLast(3);
}
