using Uitstroom.Contracts.Predict.V1;
using Uitstroom.Domain.Histories;
using Uitstroom.Domain.Norms;
using Uitstroom.Domain.Vocabulary;

namespace Uitstroom.Predict.Snapshots;

/// <summary>
/// How each cohort still at school moved over its test moments: per school × outflow year × subject × moment the
/// mean uniform value and the shares on track for 1F and the target. The school report's trend, computed on
/// Predict's side of the wire (Reporting never computes); only aggregates leave Predict.
/// A result belongs to the cohort its own groep and school year put it in (leaving groep 8 in school year + 8 −
/// groep) at the pupil's school: the rule Ingest's SumCohortMoments applies to its rows, so a source that sums
/// there and one that only has histories give the same figures.
/// </summary>
public static class CohortTrends
{
    /// <summary>The sums from pupil histories known on <paramref name="asOf"/>, for a source that cannot sum where its rows are.</summary>
    public static IReadOnlyList<CohortMoment> Sum(IEnumerable<PupilHistory> histories, DateOnly asOf, SchoolId? only = null)
    {
        ArgumentNullException.ThrowIfNull(histories);
        var first = OutflowCalendar.FirstCohortAtSchool(asOf);
        return [.. histories
            .Where(h => only is null || h.School == only)
            .SelectMany(h => h.Results.Select(r => (h.School, Cohort: r.Year.Plus(8 - r.Moment.Groep), Result: r)))
            .Where(x => x.Cohort >= first)
            .GroupBy(x => (x.School, x.Cohort, x.Result.Subject, x.Result.Moment, x.Result.Year))
            .Select(g => new CohortMoment(
                g.Key.School,
                g.Key.Cohort,
                g.Key.Subject,
                g.Key.Moment,
                g.Key.Year,
                g.Count(),
                g.Sum(x => x.Result.Uniform),
                g.Count(x => x.Result.Uniform >= UniformScale.OnTrackFundamental),
                g.Count(x => x.Result.Uniform >= UniformScale.OnTrackTarget)))];
    }

    /// <summary>The trends message: cohorts by school and outflow year, subjects in their order, moments along the career.</summary>
    public static CohortTrendsResponse Of(IEnumerable<CohortMoment> sums)
    {
        ArgumentNullException.ThrowIfNull(sums);
        var response = new CohortTrendsResponse();
        var cohorts = sums
            .GroupBy(s => (s.School, s.OutflowYear, s.Subject))
            .OrderBy(g => g.Key.School.Brin, StringComparer.Ordinal).ThenBy(g => g.Key.School.Vestiging)
            .ThenBy(g => g.Key.OutflowYear).ThenBy(g => g.Key.Subject);
        foreach (var cohort in cohorts)
        {
            var trend = new CohortTrendMessage
            {
                Brin = cohort.Key.School.Brin,
                Vestiging = cohort.Key.School.Vestiging,
                OutflowYear = cohort.Key.OutflowYear.StartYear,
                Subject = cohort.Key.Subject.Code(),
            };
            foreach (var moment in cohort.Where(s => s.Results > 0).OrderBy(s => s.Moment.Ordinal).ThenBy(s => s.Year))
            {
                trend.Moments.Add(new MomentMeanMessage
                {
                    Moment = moment.Moment.ToString(),
                    SchoolYear = moment.Year.StartYear,
                    Pupils = moment.Results,
                    MeanUniform = Math.Round(moment.UniformSum / moment.Results, 1),
                    ShareOnTrackFundamental = Math.Round(moment.OnTrackFundamental / (double)moment.Results, 3),
                    ShareOnTrackTarget = Math.Round(moment.OnTrackTarget / (double)moment.Results, 3),
                });
            }

            response.Cohorts.Add(trend);
        }

        return response;
    }
}
