using Uitstroom.Contracts.Reporting.V1;
using Uitstroom.Reporting.Sources;

namespace Uitstroom.Reporting.Composition;

/// <summary>
/// One school of a board, zoomed in. Reuses the board's registry and look-back parts (so a page opened from the
/// overview costs Predict one school forecast) and adds the school's drill-down per subject and cohort.
/// </summary>
public sealed class SchoolReportQuery(
    IRegistrySource registry, ILookbackSource lookback, IForecastSource forecast, IMonitoringSource monitoring, PartCache cache, TimeProvider clock)
{
    public async Task<SchoolReport> GetAsync(string bgnr, string key, CancellationToken ct)
    {
        var board = Domain.Vocabulary.BoardNumber.Parse(bgnr);
        var isNamed = SchoolKey.Parse(key);
        var registryPart = cache.GetAsync($"registry:{board}", c => registry.GetBoardAsync(board, c), ct);
        var lookbackPart = cache.GetAsync($"lookback:{board}", c => lookback.GetBoardAsync(board, c), ct);
        // The board's snapshots, shared with the overview: a school page opened from it costs Predict nothing more.
        var monitoringPart = cache.GetAsync($"monitoring:{board}", c => monitoring.GetBoardAsync(board, c), ct);

        // Predict knows the school by BRIN and vestiging, which only the registry tells.
        var schools = BoardOverviewQuery.RequireRegistry(await registryPart);
        var school = schools.Schools.FirstOrDefault(isNamed)
            ?? throw new KeyNotFoundException($"school {key} does not belong to board {board}");
        var forecastPart = cache.GetAsync(
            $"forecast-school:{school.Brin}{school.Vestiging:00}", c => forecast.GetSchoolAsync(board, school.Brin, school.Vestiging, c), ct);
        var past = await lookbackPart;
        var future = await forecastPart;
        var over = await monitoringPart;
        var pastFacts = LookbackIndex.Of(past.Value)(school);

        var report = new SchoolReport
        {
            Ovt = school.Ovt,
            Bgnr = board,
            BoardName = schools.Board.Name,
            GeneratedAt = clock.GetUtcNow().UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ"),
            Lookback = past.Status(),
            Forecast = future.Status(),
            Summary = Rows.School(school, pastFacts, future.Value, over.Value),
            Monitoring = over.Status(),
            OutlookHistory = { Monitoring.History(over.Value, school) },
            TrackRecordRows = { Monitoring.TrackRecordRows(over.Value, school) },
        };
        report.Notices.AddRange(Notices.For(past, "terugblik (gerealiseerde uitstroom)", "lookback_unavailable"));
        report.Notices.AddRange(Notices.Empty(past));
        report.Notices.AddRange(Notices.For(future, "prognose", "forecast_unavailable"));
        report.Notices.AddRange(Notices.For(over, "monitoring (verloop en trackrecord)", "monitoring_unavailable"));
        report.RealisedYears.AddRange(report.Summary.Fundamental.Realised.Select(y => y.SchoolYear));
        report.ForecastYears.AddRange(report.Summary.Fundamental.Forecast.Select(y => y.SchoolYear));

        if (future.Value is { } f)
        {
            report.Subjects.AddRange(f.Subjects.Select(Rows.Subject));
            report.Cohorts.AddRange(f.Cohorts.Select(Rows.Cohort));
        }

        return report;
    }
}
