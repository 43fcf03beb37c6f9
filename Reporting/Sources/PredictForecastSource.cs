using Microsoft.Extensions.Options;
using Uitstroom.Contracts.Predict.V1;
using Uitstroom.Domain.Vocabulary;

namespace Uitstroom.Reporting.Sources;

/// <summary>
/// The forecast over Predict's <c>Forecasts.ForecastSchools</c>. Only selects and relabels Predict's numbers: the
/// pooled year outlooks become the forecast years, the indicator outlooks the projected judgements, the per-subject
/// outlooks the drill-down, and (for one school) <c>ForecastSnapshots.GetCohortTrends</c> the cohorts' trends over
/// their test moments. Predict's 80% range is the one shown.
/// </summary>
public sealed class PredictForecastSource(
    Forecasts.ForecastsClient forecasts, ForecastSnapshots.ForecastSnapshotsClient trends, IOptions<SourceOptions> options) : IForecastSource
{
    private const double Coverage = 0.8;

    public Task<BoardForecastFacts> GetBoardAsync(string bgnr, CancellationToken ct) => SourceCalls.Guard("predict", async () =>
    {
        var reply = await Call(new ForecastSchoolsRequest { Bgnr = bgnr }, ct);
        return new BoardForecastFacts(reply.Peildatum, reply.ModelVersion, [.. reply.Schools.Select(s => Map(s, drillDown: false))]);
    });

    public Task<SchoolForecastFacts> GetSchoolAsync(string bgnr, string brin, int vestiging, CancellationToken ct) =>
        SourceCalls.Guard("predict", async () =>
        {
            var trend = Trends(bgnr, brin, vestiging, ct);
            var reply = await Call(new ForecastSchoolsRequest { Bgnr = bgnr, Brin = brin, Vestiging = vestiging }, ct);
            var school = reply.Schools.FirstOrDefault(s => s.Brin == brin && s.Vestiging == vestiging)
                ?? throw new KeyNotFoundException($"Predict has no forecast for school {brin}{vestiging:00}");
            return Map(school, drillDown: true, await trend);
        });

    /// <summary>
    /// The school's cohort trends. A trend Predict cannot give leaves the forecast standing: the page then says the
    /// cohort has no test moments to show, rather than losing the whole drill-down.
    /// </summary>
    private async Task<CohortTrendsResponse> Trends(string bgnr, string brin, int vestiging, CancellationToken ct)
    {
        try
        {
            return await trends.GetCohortTrendsAsync(
                new GetCohortTrendsRequest { Bgnr = bgnr, Brin = brin, Vestiging = vestiging },
                deadline: DateTime.UtcNow + options.Value.PredictDeadline, cancellationToken: ct);
        }
        catch (Grpc.Core.RpcException e) when (e.StatusCode != Grpc.Core.StatusCode.Cancelled)
        {
            return new CohortTrendsResponse();
        }
    }

    private async Task<ForecastSchoolsResponse> Call(ForecastSchoolsRequest request, CancellationToken ct)
    {
        try
        {
            return await forecasts.ForecastSchoolsAsync(request, deadline: DateTime.UtcNow + options.Value.PredictDeadline, cancellationToken: ct);
        }
        catch (Grpc.Core.RpcException e) when (e.StatusCode == Grpc.Core.StatusCode.FailedPrecondition)
        {
            // No model trained yet: for the reader that is "no forecast now", not a wrong request.
            throw new SourceUnavailableException("predict", $"no forecast yet: {e.Status.Detail}", e);
        }
    }

    private static SchoolForecastFacts Map(SchoolForecastMessage s, bool drillDown, CohortTrendsResponse? trends = null)
    {
        var pooled = s.Years.Where(y => y.Subject.Length == 0).OrderBy(y => y.OutflowYear).ToList();
        return new SchoolForecastFacts(
            s.Brin,
            s.Vestiging,
            Provider: "",
            s.Status,
            Indicator(s, "1F", pooled, y => y.Fundamental),
            Indicator(s, "1S/2F", pooled, y => y.Streef),
            drillDown ? Subjects(s) : [],
            drillDown ? Cohorts(s, pooled, trends ?? new CohortTrendsResponse()) : []);
    }

    private static IndicatorForecastFacts Indicator(
        SchoolForecastMessage s, string indicator, IReadOnlyList<YearOutlookMessage> pooled, Func<YearOutlookMessage, PercentRange> percent)
    {
        var judgements = s.Indicators.Where(i => i.Indicator == indicator).ToDictionary(i => i.JudgementYear);
        var years = new List<ForecastYearFacts>();
        foreach (var year in pooled)
        {
            // A forecast year is shown with the judgement made after it; a year Predict did not judge is left out.
            if (!judgements.TryGetValue(year.OutflowYear, out var judged))
            {
                continue;
            }

            years.Add(new ForecastYearFacts(
                Year(year.OutflowYear), Range(percent(year)), year.Pupils, Range(judged.Value),
                judged.HasProbabilityBelow ? judged.ProbabilityBelow : 0));
        }

        var below = s.Indicators.Where(i => i.Indicator == indicator && i.HasProbabilityBelow).Select(i => i.ProbabilityBelow).ToList();
        var gap = s.Gaps.Where(g => g.Indicator == indicator).OrderBy(g => g.JudgementYear).FirstOrDefault();
        return new IndicatorForecastFacts(years, Status: "", below.Count > 0 ? below.Max() : null, gap?.ExtraResults ?? (below.Count > 0 ? 0 : null));
    }

    private static List<SubjectForecastFacts> Subjects(SchoolForecastMessage s) =>
        [.. s.Years.Where(y => y.Subject.Length > 0).GroupBy(y => y.Subject).Select(g => new SubjectForecastFacts(
            g.Key,
            Domain.Vocabulary.Subjects.TryParse(g.Key, out var subject) ? subject.TargetLevel().Code() : "",
            [.. g.OrderBy(y => y.OutflowYear).Select(y => new SubjectYearFacts(Year(y.OutflowYear), Range(y.Fundamental), Range(y.Streef)))],
            g.Sum(y => y.AtRiskFundamental),
            g.Sum(y => y.AtRiskStreef)))];

    private static List<CohortForecastFacts> Cohorts(SchoolForecastMessage s, IReadOnlyList<YearOutlookMessage> pooled, CohortTrendsResponse trends) =>
        [.. pooled.Select(c => new CohortForecastFacts(
            Year(c.OutflowYear),
            c.GroepNow,
            c.Pupils,
            [.. s.Years.Where(y => y.Subject.Length > 0 && y.OutflowYear == c.OutflowYear).Select(y => new CohortSubjectFacts(
                y.Subject, Range(y.Fundamental), Range(y.Streef), y.AtRiskFundamental, y.AtRiskStreef,
                Trend(trends, s, c.OutflowYear, y.Subject)))]))];

    private static List<TrendPointFacts> Trend(CohortTrendsResponse trends, SchoolForecastMessage s, int outflowYear, string subject) =>
        [.. trends.Cohorts
            .Where(t => t.Brin == s.Brin && t.Vestiging == s.Vestiging && t.OutflowYear == outflowYear && t.Subject == subject)
            .SelectMany(t => t.Moments)
            .Select(m => new TrendPointFacts(
                m.Moment, Year(m.SchoolYear), m.Pupils, m.MeanUniform, m.ShareOnTrackFundamental, m.ShareOnTrackTarget))];

    private static Range Range(PercentRange? r) =>
        r is null ? new Range(0, 0, 0, Coverage) : new Range(r.Expected, r.Low80, r.High80, Coverage);

    /// <summary>Predict numbers an outflow year by its first calendar year (2026 = 2026-2027).</summary>
    private static string Year(int firstCalendarYear) => new SchoolYear(firstCalendarYear).ToString();
}
