using Uitstroom.Contracts.Predict.V1;
using Uitstroom.Domain.Histories;
using Uitstroom.Domain.Norms;
using Uitstroom.Domain.Vocabulary;

namespace Uitstroom.Predict.Snapshots;

/// <summary>
/// How each cohort still at school moved over its test moments: per school × outflow year × subject × moment the
/// mean uniform value and the shares on track for 1F and the target. The school report's trend, computed where the
/// pupil histories are (Reporting never computes); only aggregates leave Predict.
/// </summary>
public static class CohortTrends
{
    public static CohortTrendsResponse Of(IEnumerable<PupilHistory> histories, SchoolYear current, SchoolId? only = null)
    {
        ArgumentNullException.ThrowIfNull(histories);
        var response = new CohortTrendsResponse();
        var cohorts = histories
            .Where(h => (only is null || h.School == only) && h.Outflow.Count == 0 && h.OutflowYear >= current)
            .GroupBy(h => (h.School, h.OutflowYear))
            .OrderBy(g => g.Key.School.Brin, StringComparer.Ordinal).ThenBy(g => g.Key.School.Vestiging).ThenBy(g => g.Key.OutflowYear);
        foreach (var cohort in cohorts)
        {
            foreach (var subject in cohort.SelectMany(h => h.Results).GroupBy(r => r.Subject).OrderBy(g => g.Key))
            {
                var trend = new CohortTrendMessage
                {
                    Brin = cohort.Key.School.Brin,
                    Vestiging = cohort.Key.School.Vestiging,
                    OutflowYear = cohort.Key.OutflowYear.StartYear,
                    Subject = subject.Key.Code(),
                };
                foreach (var moment in subject.GroupBy(r => (r.Year, r.Moment)).OrderBy(g => g.Key.Moment.Ordinal).ThenBy(g => g.Key.Year))
                {
                    var values = moment.Select(r => r.Uniform).ToList();
                    trend.Moments.Add(new MomentMeanMessage
                    {
                        Moment = moment.Key.Moment.ToString(),
                        SchoolYear = moment.Key.Year.StartYear,
                        Pupils = values.Count,
                        MeanUniform = Math.Round(values.Average(), 1),
                        ShareOnTrackFundamental = Math.Round(values.Count(v => v >= UniformScale.OnTrackFundamental) / (double)values.Count, 3),
                        ShareOnTrackTarget = Math.Round(values.Count(v => v >= UniformScale.OnTrackTarget) / (double)values.Count, 3),
                    });
                }

                response.Cohorts.Add(trend);
            }
        }

        return response;
    }
}
