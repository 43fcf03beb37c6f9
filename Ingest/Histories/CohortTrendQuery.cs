using Dapper;
using Uitstroom.Domain.Histories;
using Uitstroom.Domain.Norms;
using Uitstroom.Ingest.Store;

namespace Uitstroom.Ingest.Histories;

/// <summary>One school × cohort × subject × moment × school year of scaled LVS results, summed by the store.</summary>
public sealed record CohortMomentRow
{
    public required string Brin { get; init; }
    public int Vestiging { get; init; }
    public int OutflowYear { get; init; }
    public required string Subject { get; init; }
    public required string Moment { get; init; }
    public int SchoolYear { get; init; }
    public long Results { get; init; }
    public double UniformSum { get; init; }
    public long OnTrackFundamental { get; init; }
    public long OnTrackTarget { get; init; }
}

/// <summary>
/// The school report's cohort trends as one GROUP BY over the board's LVS results, so no pupil history has to
/// cross the wire. A result belongs to the cohort its own groep and school year put it in (leaving groep 8 in
/// school year + 8 − groep) at the school it was taken at: the store groups rows, not pupils, and reads no pupil
/// column, so a pupil's earlier results stay with the cohort and school it sat in when it took them.
/// </summary>
public sealed class CohortTrendQuery(StoreConnectionFactory store)
{
    /// <summary>
    /// The cohorts still at school on <paramref name="asOf"/>: leaving in its school year or later, and whose
    /// doorstroomtoets results were not yet out (the history stream's rule for when a year's outcome is known).
    /// Results taken after <paramref name="asOf"/> and results not on the uniform scale are left out.
    /// </summary>
    public async Task<IReadOnlyList<CohortMomentRow>> SumAsync(string bgnr, SchoolId? school, DateOnly asOf, CancellationToken cancellationToken)
    {
        var firstCohort = OutflowCalendar.FirstCohortAtSchool(asOf).StartYear;
        var args = new
        {
            bgnr,
            brin = school?.Brin,
            vestiging = school?.Vestiging ?? 0,
            asOf = asOf.ToString("yyyy-MM-dd"),
            firstCohort,
            fundamental = UniformScale.OnTrackFundamental,
            target = UniformScale.OnTrackTarget,
        };
        var onlySchool = school is null ? "" : "AND r.brin = @brin AND r.vestiging = @vestiging";
        await using var connection = await store.OpenAsync(cancellationToken);
        // lvs_result_by_school (brin, vestiging, effective_date) serves the join and the date bound.
        var rows = await connection.QueryAsync<CohortMomentRow>(new CommandDefinition(
            $"""
            SELECT r.brin AS Brin, r.vestiging AS Vestiging, r.school_year + 8 - r.groep AS OutflowYear,
                   r.subject AS Subject, r.moment AS Moment, r.school_year AS SchoolYear,
                   COUNT(*) AS Results, SUM(r.uniform) AS UniformSum,
                   SUM(CASE WHEN r.uniform >= @fundamental THEN 1 ELSE 0 END) AS OnTrackFundamental,
                   SUM(CASE WHEN r.uniform >= @target THEN 1 ELSE 0 END) AS OnTrackTarget
            FROM lvs_result r JOIN school s ON s.brin = r.brin AND s.vestiging = r.vestiging
            WHERE s.bgnr = @bgnr {onlySchool}
              AND r.effective_date <= @asOf AND r.uniform IS NOT NULL
              AND r.school_year + 8 - r.groep >= @firstCohort
            GROUP BY r.brin, r.vestiging, r.school_year + 8 - r.groep, r.subject, r.moment, r.school_year
            ORDER BY r.brin, r.vestiging, r.school_year + 8 - r.groep, r.subject, r.moment, r.school_year
            """, args, cancellationToken: cancellationToken));
        return [.. rows];
    }
}
