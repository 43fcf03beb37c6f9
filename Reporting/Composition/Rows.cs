using Uitstroom.Contracts.Reporting.V1;
using Uitstroom.Domain.Inspectie;
using Uitstroom.Reporting.Sources;

namespace Uitstroom.Reporting.Composition;

/// <summary>
/// Puts the owners' facts for one school side by side in the API's row. Nothing is estimated here: every number is
/// Ingest's or Predict's, and the only rule applied is the Inspectie's comparison (Domain) that labels a realised
/// year boven or onder.
/// </summary>
internal static class Rows
{
    public static SchoolRow School(SchoolFacts school, SchoolLookbackFacts? lookback, SchoolForecastFacts? forecast, MonitoringFacts? monitoring)
    {
        var row = new SchoolRow
        {
            Ovt = school.Ovt,
            SchoolKey = SchoolKey.Of(school),
            Brin = school.Brin,
            Name = school.Name,
            Provider = forecast?.Provider is { Length: > 0 } p ? p : school.Provider,
            Status = StatusOf(forecast?.Status),
            Fundamental = Indicator("1F", lookback, lookback?.Fundamental, forecast?.Fundamental, y => y.PercentFundamental),
            Target = Indicator("1S/2F", lookback, lookback?.Target, forecast?.Target, y => y.PercentTarget),
            Outlook = { Monitoring.Points(monitoring, school) },
            TrackRecord = Monitoring.Summary(monitoring, school),
        };
        if (school.Schoolweging is { } w)
        {
            row.Schoolweging = w;
        }

        return row;
    }

    public static SchoolStatus StatusOf(string? code) => code?.ToLowerInvariant() switch
    {
        "groen" => SchoolStatus.Groen,
        "oranje" => SchoolStatus.Oranje,
        "rood" => SchoolStatus.Rood,
        _ => SchoolStatus.Unspecified,
    };

    /// <summary>One subject of the school report: Predict's per-subject outlooks over the forecast years.</summary>
    public static SubjectReport Subject(SubjectForecastFacts s) => new()
    {
        Subject = s.Subject,
        TargetLevel = s.TargetLevel,
        PupilsAtRiskFundamental = s.PupilsAtRiskFundamental,
        PupilsAtRiskTarget = s.PupilsAtRiskTarget,
        Years = { s.Years.Select(y => new SubjectYear { SchoolYear = y.SchoolYear, PercentFundamental = Estimate(y.PercentFundamental), PercentTarget = Estimate(y.PercentTarget) }) },
    };

    /// <summary>One cohort of the school report: per subject its outlook and its trend over the test moments.</summary>
    public static CohortReport Cohort(CohortForecastFacts c) => new()
    {
        OutflowYear = c.OutflowYear,
        Groep = c.Groep,
        Pupils = c.Pupils,
        Subjects =
        {
            c.Subjects.Select(s => new CohortSubject
            {
                Subject = s.Subject,
                PercentFundamental = Estimate(s.PercentFundamental),
                PercentTarget = Estimate(s.PercentTarget),
                PupilsAtRiskFundamental = s.PupilsAtRiskFundamental,
                PupilsAtRiskTarget = s.PupilsAtRiskTarget,
                Trend = { s.Trend.Select(Trend) },
            }),
        },
    };

    private static TrendPoint Trend(TrendPointFacts t) => new()
    {
        Moment = t.Moment,
        SchoolYear = t.SchoolYear,
        Pupils = t.Pupils,
        MeanUniformScore = t.MeanUniformScore,
        ShareOnTrackFundamental = t.ShareOnTrackFundamental,
        ShareOnTrackTarget = t.ShareOnTrackTarget,
    };

    public static Estimate Estimate(Sources.Range r) =>
        new() { Expected = r.Expected, Low = r.Low, High = r.High, Coverage = r.Coverage };

    private static IndicatorRow Indicator(
        string label, SchoolLookbackFacts? lookback, IndicatorLookbackFacts? judged, IndicatorForecastFacts? forecast,
        Func<RealisedYearFacts, double?> percent)
    {
        var row = new IndicatorRow { Indicator = label, Outcome = judged?.Outcome ?? "", OutcomeLabel = judged?.OutcomeLabel ?? "" };
        var threshold = judged?.Signaleringswaarde;
        if (threshold is { } t)
        {
            row.Signaleringswaarde = t;
        }

        if (judged?.Value is { } pooled)
        {
            row.Pooled = pooled;
        }

        foreach (var year in lookback?.Years ?? [])
        {
            var realised = new RealisedYear { SchoolYear = year.SchoolYear, Availability = year.Availability, Pupils = year.Pupils };
            if (percent(year) is { } p)
            {
                realised.Percent = p;
                realised.Position = threshold is { } s ? Judgement.Compare(p, s).Code() : "";
            }

            row.Realised.Add(realised);
        }

        if (forecast is not null)
        {
            row.Status = StatusOf(forecast.Status);
            if (forecast.ProbabilityBelow is { } pb)
            {
                row.ProbabilityBelow = pb;
            }

            if (forecast.GapResults is { } gap)
            {
                row.GapResults = gap;
            }

            row.Forecast.AddRange(forecast.Years.Select(y => new ForecastYear
            {
                SchoolYear = y.SchoolYear,
                Percent = Estimate(y.Percent),
                ExpectedPupils = y.ExpectedPupils,
                ProjectedIndicator = Estimate(y.ProjectedIndicator),
                ProbabilityBelow = y.ProbabilityBelow,
            }));
        }

        return row;
    }
}
