using Uitstroom.Contracts.Predict.V1;
using Uitstroom.Domain.Inspectie;
using Uitstroom.Domain.Vocabulary;
using Uitstroom.Predict.Forecasting;
using Uitstroom.Predict.Schools;

namespace Uitstroom.Predict.Snapshots;

/// <summary>
/// The product's own track record: for every outflow year a school has realised, the last snapshot that still
/// forecast it, beside what happened. The realised values are counted from the pupils' doorstroomtoets results by
/// the look-back's own rule (<see cref="Tallies"/>; in the running stack Ingest applies it where the rows are, see
/// <see cref="IPupilHistorySource.OutflowAsync"/>), and the realised judgement after that year by the Inspectie's
/// rule (<see cref="Judgement"/>) over the three years ending in it.
/// </summary>
public static class TrackRecord
{
    public static TrackRecordResponse Build(
        IReadOnlyList<(SnapshotHeader Header, IReadOnlyList<SchoolForecastMessage> Schools)> snapshots,
        BoardOutflow today,
        Signaleringswaarden signaleringswaarden,
        SchoolId? only = null)
    {
        ArgumentNullException.ThrowIfNull(snapshots);
        ArgumentNullException.ThrowIfNull(today);
        var tallies = today.Years;
        var response = new TrackRecordResponse();
        foreach (var school in today.Schools.Where(s => only is null || s.Id == only))
        {
            if (!tallies.TryGetValue(school.Id, out var years))
            {
                continue;
            }

            var history = snapshots
                .Select(s => (s.Header, School: s.Schools.FirstOrDefault(m => m.Brin == school.Id.Brin && m.Vestiging == school.Id.Vestiging)))
                .Where(s => s.School is not null)
                .ToList();
            var entries = new List<TrackRecordEntry>();
            foreach (var year in years.Keys.Order())
            {
                // The last forecast made before the year was realised: the newest snapshot still forecasting it.
                var made = history.LastOrDefault(s => s.School!.Years.Any(y => y.Subject.Length == 0 && y.OutflowYear == year.StartYear));
                if (made.School is null)
                {
                    continue;
                }

                var realised = Judge(years, year, school.Schoolweging, signaleringswaarden);
                var outlook = made.School.Years.First(y => y.Subject.Length == 0 && y.OutflowYear == year.StartYear);
                foreach (var indicator in new[] { Indicator.Fundamental, Indicator.Target })
                {
                    entries.Add(Entry(school.Id, made.Header, made.School, outlook, indicator, years[year], realised[indicator]));
                }
            }

            if (entries.Count > 0)
            {
                response.Entries.AddRange(entries);
                response.Schools[school.Id.ToString()] = Summarise(entries);
            }
        }

        response.Board = Summarise(response.Entries);
        return response;
    }

    private static TrackRecordEntry Entry(
        SchoolId school, SnapshotHeader header, SchoolForecastMessage forecast, YearOutlookMessage outlook, Indicator indicator,
        YearTally tally, IndicatorJudgement realised)
    {
        var range = indicator == Indicator.Fundamental ? outlook.Fundamental : outlook.Streef;
        var value = tally.Percent(indicator);
        var entry = new TrackRecordEntry
        {
            Brin = school.Brin,
            Vestiging = school.Vestiging,
            OutflowYear = outlook.OutflowYear,
            Indicator = indicator.Label(),
            MadeAt = SnapshotMessages.Moment(header),
            Forecast = range,
            Realised = value,
            RealisedPupils = tally.Pupils,
            Inside80 = value >= range.Low80 - 1e-9 && value <= range.High80 + 1e-9,
            Inside95 = value >= range.Low95 - 1e-9 && value <= range.High95 + 1e-9,
            RealisedOutcome = realised.Outcome.Code(),
        };
        // The judgement that ends in this outflow year, as it was projected then.
        var projected = forecast.Indicators.FirstOrDefault(i =>
            i.Indicator == indicator.Label() && i.Years.Count > 0 && i.Years.Max(y => y.OutflowYear) == outlook.OutflowYear);
        if (projected is { HasProbabilityBelow: true })
        {
            var status = StatusRule.Of(projected.ProbabilityBelow);
            entry.ProbabilityBelow = projected.ProbabilityBelow;
            entry.ForecastStatus = status.ToString().ToLowerInvariant();
            // Only boven and onder are calls a status can get right or wrong; a small school or missing data is neither.
            if (realised.Outcome is Outcome.Onder or Outcome.Boven)
            {
                entry.StatusRight = realised.Outcome == Outcome.Onder ? status != SchoolStatus.Groen : status != SchoolStatus.Rood;
            }
        }

        return entry;
    }

    private static SchoolJudgement Judge(
        Dictionary<SchoolYear, YearTally> years, SchoolYear last, double? schoolweging, Signaleringswaarden signaleringswaarden)
    {
        JudgedYear Year(SchoolYear y) => years.TryGetValue(y, out var t) ? JudgedYear.Known(t) : JudgedYear.Missing(y);
        var judged = Enumerable.Range(0, Judgement.JudgedYears).Select(i => Year(last.Plus(i - Judgement.JudgedYears + 1))).ToList();
        var earlier = Enumerable.Range(0, Judgement.SmallSchoolYears - Judgement.JudgedYears)
            .Select(i => Year(last.Plus(i - Judgement.SmallSchoolYears + 1))).ToList();
        return Judgement.Judge(new SchoolEvidence(judged, schoolweging, earlier), signaleringswaarden);
    }

    public static TrackRecordSummary Summarise(IReadOnlyCollection<TrackRecordEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var summary = new TrackRecordSummary { Entries = entries.Count };
        if (entries.Count == 0)
        {
            return summary;
        }

        double Mae(string indicator) =>
            entries.Where(e => e.Indicator == indicator).Select(e => Math.Abs(e.Forecast.Expected - e.Realised)).DefaultIfEmpty().Average();
        var calls = entries.Where(e => e.HasStatusRight).ToList();
        summary.MeanAbsoluteErrorFundamental = Math.Round(Mae(Indicator.Fundamental.Label()), 2);
        summary.MeanAbsoluteErrorTarget = Math.Round(Mae(Indicator.Target.Label()), 2);
        summary.Inside80 = Math.Round(entries.Count(e => e.Inside80) / (double)entries.Count, 4);
        summary.Inside95 = Math.Round(entries.Count(e => e.Inside95) / (double)entries.Count, 4);
        summary.StatusCalls = calls.Count;
        summary.StatusCallsRight = calls.Count(e => e.StatusRight);
        summary.Recomputed = entries.Count(e => e.MadeAt.Origin == SnapshotOrigin.Recomputed);
        return summary;
    }
}
