using Uitstroom.Contracts.Predict.V1;
using Uitstroom.Contracts.Reporting.V1;
using Uitstroom.Domain.Vocabulary;
using Uitstroom.Reporting.Sources;

namespace Uitstroom.Reporting.Composition;

/// <summary>
/// Predict's snapshots and track record in the API's words: relabelled, never recomputed. A school's outlook at a
/// moment is shown like the overview's forecast years (the pooled year outlook beside the judgement after it).
/// </summary>
internal static class Monitoring
{
    public static IEnumerable<SnapshotLabel> Snapshots(MonitoringFacts? facts) =>
        facts?.History.Snapshots.Select(s => Label(s.Moment)) ?? [];

    public static IEnumerable<OutlookPoint> Points(MonitoringFacts? facts, SchoolFacts school) =>
        Of(facts, school).Select(x => new OutlookPoint
        {
            Moment = x.Moment.Label,
            Origin = x.Moment.Origin,
            Status = Rows.StatusOf(x.School.Status),
            ProbabilityBelow = x.School.MaxProbabilityBelow,
        });

    public static IEnumerable<OutlookMoment> History(MonitoringFacts? facts, SchoolFacts school) =>
        Of(facts, school).Select(x => new OutlookMoment
        {
            Snapshot = Label(x.Moment),
            Status = Rows.StatusOf(x.School.Status),
            ProbabilityBelow = x.School.MaxProbabilityBelow,
            Fundamental = { Years(x.School, "1F", y => y.Fundamental) },
            Target = { Years(x.School, "1S/2F", y => y.Streef) },
        });

    public static Contracts.Reporting.V1.TrackRecord? Summary(MonitoringFacts? facts) =>
        facts?.TrackRecord.Board is { Entries: > 0 } board ? Summary(board) : null;

    public static Contracts.Reporting.V1.TrackRecord? Summary(MonitoringFacts? facts, SchoolFacts school) =>
        facts?.TrackRecord.Schools.TryGetValue(Key(school), out var own) == true && own.Entries > 0 ? Summary(own) : null;

    public static IEnumerable<TrackRecordRow> TrackRecordRows(MonitoringFacts? facts, SchoolFacts school) =>
        facts?.TrackRecord.Entries.Where(e => e.Brin == school.Brin && e.Vestiging == school.Vestiging).Select(e =>
        {
            var row = new TrackRecordRow
            {
                SchoolYear = new SchoolYear(e.OutflowYear).ToString(),
                Indicator = e.Indicator,
                MadeAt = Label(e.MadeAt),
                Forecast = Estimate(e.Forecast),
                Realised = e.Realised,
                RealisedPupils = e.RealisedPupils,
                Inside80 = e.Inside80,
                ForecastStatus = Rows.StatusOf(e.ForecastStatus),
                RealisedOutcome = e.RealisedOutcome,
            };
            if (e.HasProbabilityBelow)
            {
                row.ProbabilityBelow = e.ProbabilityBelow;
            }

            if (e.HasStatusRight)
            {
                row.StatusRight = e.StatusRight;
            }

            return row;
        }) ?? [];

    /// <summary>
    /// The forecast years of one indicator: each pooled outflow year with the three-year judgement Predict made after
    /// it; a year Predict did not judge is left out (the overview's rule, <see cref="PredictForecastSource"/>).
    /// </summary>
    public static IEnumerable<ForecastYear> Years(SchoolForecastMessage school, string indicator, Func<YearOutlookMessage, Contracts.Predict.V1.PercentRange> percent)
    {
        var judgements = school.Indicators.Where(i => i.Indicator == indicator).ToDictionary(i => i.JudgementYear);
        foreach (var year in school.Years.Where(y => y.Subject.Length == 0).OrderBy(y => y.OutflowYear))
        {
            if (judgements.TryGetValue(year.OutflowYear, out var judged))
            {
                yield return new ForecastYear
                {
                    SchoolYear = new SchoolYear(year.OutflowYear).ToString(),
                    Percent = Estimate(percent(year)),
                    ExpectedPupils = year.Pupils,
                    ProjectedIndicator = Estimate(judged.Value),
                    ProbabilityBelow = judged.HasProbabilityBelow ? judged.ProbabilityBelow : 0,
                };
            }
        }
    }

    private static IEnumerable<(SnapshotMoment Moment, SchoolForecastMessage School)> Of(MonitoringFacts? facts, SchoolFacts school) =>
        facts?.History.Snapshots
            .Select(s => (s.Moment, School: s.Schools.FirstOrDefault(m => m.Brin == school.Brin && m.Vestiging == school.Vestiging)))
            .Where(x => x.School is not null)
            .Select(x => (x.Moment, x.School!)) ?? [];

    private static SnapshotLabel Label(SnapshotMoment m) =>
        new() { Moment = m.Label, Peildatum = m.Peildatum, Origin = m.Origin, ModelVersion = m.ModelVersion };

    private static Contracts.Reporting.V1.TrackRecord Summary(TrackRecordSummary s) => new()
    {
        Entries = s.Entries,
        MeanAbsoluteErrorFundamental = s.MeanAbsoluteErrorFundamental,
        MeanAbsoluteErrorTarget = s.MeanAbsoluteErrorTarget,
        Inside80 = s.Inside80,
        Inside95 = s.Inside95,
        StatusCalls = s.StatusCalls,
        StatusCallsRight = s.StatusCallsRight,
        Recomputed = s.Recomputed,
    };

    /// <summary>Predict's 80% range is the one shown, as on the overview.</summary>
    private static Estimate Estimate(Contracts.Predict.V1.PercentRange? r) =>
        r is null ? new Estimate { Coverage = 0.8 } : new Estimate { Expected = r.Expected, Low = r.Low80, High = r.High80, Coverage = 0.8 };

    /// <summary>Predict keys a school's track record by BRIN and the two-digit vestiging.</summary>
    private static string Key(SchoolFacts school) => SchoolId.Create(school.Brin, school.Vestiging).ToString();
}
