using Uitstroom.Contracts.Predict.V1;
using Uitstroom.Reporting.Sources;

namespace Uitstroom.Reporting.Tests.Fixtures;

/// <summary>
/// The double's monitoring over time, as Predict's ForecastSnapshots service would send it: three snapshot moments
/// (two recomputed, the last live) of the same carried-forward outlook with the probabilities growing towards today,
/// and a track record for the realised year 2024-2025 that sets the first snapshot's forecast beside the published
/// value. Deterministic; what the tests check is that Reporting shows exactly these numbers.
/// </summary>
public sealed partial class PublishedBoardSources
{
    private static readonly (int Year, string Moment, string Peildatum, string Origin, double Scale)[] SnapshotMoments =
    [
        (2024, "M", "2025-02-22", "teruggerekend", 0.6),
        (2024, "E", "2025-06-22", "teruggerekend", 0.8),
        (2025, "M", "2026-02-22", "live", 1.0),
    ];

    /// <summary>When set, Predict answers the snapshot calls with FailedPrecondition (no store), as a Predict without one does.</summary>
    public bool NoSnapshotStore { get; set; }

    async Task<MonitoringFacts> IMonitoringSource.GetBoardAsync(string bgnr, CancellationToken ct)
    {
        await Predict(ct);
        if (NoSnapshotStore)
        {
            throw new SourceUnavailableException("predict", "FailedPrecondition: Predict keeps no snapshots: ConnectionStrings:store is not configured for it");
        }

        var schools = Data.Value.Schools.Where(s => s.Bgnr == bgnr).ToList();
        var history = new OutlookHistoryResponse();
        foreach (var (year, moment, peildatum, origin, scale) in SnapshotMoments)
        {
            history.Snapshots.Add(new OutlookSnapshot
            {
                Moment = Moment(year, moment, peildatum, origin),
                Schools = { schools.Select(s => SnapshotOf(s, year, scale)) },
            });
        }

        var record = new TrackRecordResponse();
        foreach (var s in schools)
        {
            var realised = s.Lookback.Years[^1];
            if (realised.Availability != "known")
            {
                continue;
            }

            var forecast = SnapshotOf(s, 2024, SnapshotMoments[0].Scale).Years[0];
            var entries = new[]
            {
                Entry(s, "1F", forecast.Fundamental, realised.PercentFundamental!.Value, realised.Pupils, s.Lookback.Fundamental.Outcome),
                Entry(s, "1S/2F", forecast.Streef, realised.PercentTarget!.Value, realised.Pupils, s.Lookback.Target.Outcome),
            };
            record.Entries.AddRange(entries);
            record.Schools[$"{s.Brin}{s.Vestiging:00}"] = Summary(entries);
        }

        record.Board = Summary(record.Entries);
        return new MonitoringFacts(history, record);
    }

    private static SnapshotMoment Moment(int year, string moment, string peildatum, string origin) => new()
    {
        SchoolYear = year,
        Moment = moment,
        Label = $"{year}-{year + 1} {moment}",
        Peildatum = peildatum,
        ModelVersion = "test-outlook-1",
        Origin = origin,
        Schools = 1,
    };

    private static SchoolForecastMessage SnapshotOf(PublishedSchool s, int firstYear, double scale)
    {
        var outlook = Outlook(s, drillDown: false);
        var message = new SchoolForecastMessage { Brin = s.Brin, Vestiging = s.Vestiging };
        var worst = 0.0;
        for (var k = 0; k < 3; k++)
        {
            var f = outlook.Fundamental.Years[k];
            var t = outlook.Target.Years[k];
            message.Years.Add(new YearOutlookMessage
            {
                OutflowYear = firstYear + k,
                GroepNow = 8 - k,
                Pupils = (int)Math.Round(f.ExpectedPupils),
                Fundamental = Range(f.Percent),
                Streef = Range(t.Percent),
            });
            foreach (var (label, year) in new[] { ("1F", f), ("1S/2F", t) })
            {
                var p = Math.Round(year.ProbabilityBelow * scale, 3);
                worst = Math.Max(worst, p);
                message.Indicators.Add(new IndicatorOutlookMessage
                {
                    JudgementYear = firstYear + k,
                    Indicator = label,
                    Value = Range(year.ProjectedIndicator),
                    ProbabilityBelow = p,
                    Years = { new JudgedYearSource { OutflowYear = firstYear + k, Source = "forecast" } },
                });
            }
        }

        message.MaxProbabilityBelow = worst;
        message.Status = worst >= 0.5 ? "rood" : worst >= 0.2 ? "oranje" : "groen";
        return message;
    }

    private static TrackRecordEntry Entry(PublishedSchool s, string indicator, PercentRange forecast, double realised, int pupils, string outcome)
    {
        var entry = new TrackRecordEntry
        {
            Brin = s.Brin,
            Vestiging = s.Vestiging,
            OutflowYear = 2024,
            Indicator = indicator,
            MadeAt = Moment(2024, "M", "2025-02-22", "teruggerekend"),
            Forecast = forecast,
            Realised = realised,
            RealisedPupils = pupils,
            Inside80 = realised >= forecast.Low80 && realised <= forecast.High80,
            Inside95 = realised >= forecast.Low95 && realised <= forecast.High95,
            RealisedOutcome = outcome,
            ProbabilityBelow = 0.3,
            ForecastStatus = "oranje",
        };
        if (outcome is "boven" or "onder")
        {
            entry.StatusRight = true;
        }

        return entry;
    }

    private static TrackRecordSummary Summary(IReadOnlyCollection<TrackRecordEntry> entries) => entries.Count == 0 ? new() : new()
    {
        Entries = entries.Count,
        MeanAbsoluteErrorFundamental = Math.Round(entries.Where(e => e.Indicator == "1F").Select(e => Math.Abs(e.Forecast.Expected - e.Realised)).DefaultIfEmpty().Average(), 2),
        MeanAbsoluteErrorTarget = Math.Round(entries.Where(e => e.Indicator == "1S/2F").Select(e => Math.Abs(e.Forecast.Expected - e.Realised)).DefaultIfEmpty().Average(), 2),
        Inside80 = Math.Round(entries.Count(e => e.Inside80) / (double)entries.Count, 4),
        Inside95 = Math.Round(entries.Count(e => e.Inside95) / (double)entries.Count, 4),
        StatusCalls = entries.Count(e => e.HasStatusRight),
        StatusCallsRight = entries.Count(e => e.HasStatusRight && e.StatusRight),
        Recomputed = entries.Count,
    };

    private static PercentRange Range(Sources.Range r) =>
        new() { Expected = r.Expected, Low80 = r.Low, High80 = r.High, Low95 = Math.Max(0, r.Low - 3), High95 = Math.Min(100, r.High + 3) };
}
