using Dapper;
using Uitstroom.Domain.Histories;
using Uitstroom.Ingest.Store;

namespace Uitstroom.Ingest.Histories;

public sealed record LvsHistoryRow
{
    public required string PupilKey { get; init; }
    public required string Brin { get; init; }
    public int Vestiging { get; init; }
    public int Groep { get; init; }
    public int SchoolYear { get; init; }
    public required string Moment { get; init; }
    public required string Subject { get; init; }
    public required string Provider { get; init; }
    public double Score { get; init; }
    public double? Uniform { get; init; }
    public int? NormVersion { get; init; }
    public double? Percentile { get; init; }
    public string? TakenOn { get; init; }
    public required string EffectiveDate { get; init; }
}

public sealed record OutflowHistoryRow
{
    public required string PupilKey { get; init; }
    public required string Brin { get; init; }
    public int Vestiging { get; init; }
    public int SchoolYear { get; init; }
    public required string Subject { get; init; }
    public required string Provider { get; init; }
    public string? Level { get; init; }
    public int Exempt { get; init; }
}

/// <summary>
/// Reads what the store knew of a board's or a school's pupils on a date. Results are stored by pupil id; the pupil
/// key callers see comes from <c>pupil</c>, and rows stay ordered by it as before.
/// </summary>
public sealed class HistoryRepository(StoreConnectionFactory store)
{
    public async Task<(IReadOnlyList<LvsHistoryRow> Lvs, IReadOnlyList<OutflowHistoryRow> Outflow)> ReadAsync(
        string? bgnr, SchoolId? school, DateOnly asOf, CancellationToken cancellationToken)
    {
        var filter = bgnr is not null
            ? "JOIN school s ON s.brin = r.brin AND s.vestiging = r.vestiging WHERE s.bgnr = @bgnr"
            : "WHERE r.brin = @brin AND r.vestiging = @vestiging";
        var args = new { bgnr, brin = school?.Brin, vestiging = school?.Vestiging ?? 0, asOf = asOf.ToString("yyyy-MM-dd"), maxYear = OutflowCalendar.LastKnownOutflowYear(asOf) };
        await using var connection = await store.OpenAsync(cancellationToken);
        var lvs = await connection.QueryAsync<LvsHistoryRow>(new CommandDefinition(
            $"""
            SELECT p.pupil_key AS PupilKey, r.brin AS Brin, r.vestiging AS Vestiging, r.groep AS Groep, r.school_year AS SchoolYear,
                   r.moment AS Moment, r.subject AS Subject, r.provider AS Provider, r.score AS Score, r.uniform AS Uniform,
                   r.norm_version AS NormVersion, r.percentile AS Percentile, r.taken_on AS TakenOn, r.effective_date AS EffectiveDate
            FROM lvs_result r JOIN pupil p ON p.pupil_id = r.pupil_id {filter} AND r.effective_date <= @asOf
            ORDER BY p.pupil_key, r.effective_date, r.subject
            """, args, cancellationToken: cancellationToken));
        var outflow = await connection.QueryAsync<OutflowHistoryRow>(new CommandDefinition(
            $"""
            SELECT p.pupil_key AS PupilKey, r.brin AS Brin, r.vestiging AS Vestiging, r.school_year AS SchoolYear, r.subject AS Subject,
                   r.provider AS Provider, r.level AS Level, r.exempt AS Exempt
            FROM outflow_result r JOIN pupil p ON p.pupil_id = r.pupil_id {filter} AND r.school_year <= @maxYear
            ORDER BY p.pupil_key, r.school_year, r.subject
            """, args, cancellationToken: cancellationToken));
        return ([.. lvs], [.. outflow]);
    }

    /// <summary>A board's outflow rows known on <paramref name="asOf"/>, ordered by pupil, year and subject.</summary>
    public async Task<IReadOnlyList<OutflowHistoryRow>> ReadOutflowAsync(string bgnr, DateOnly asOf, CancellationToken cancellationToken)
    {
        await using var connection = await store.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<OutflowHistoryRow>(new CommandDefinition(
            """
            SELECT p.pupil_key AS PupilKey, r.brin AS Brin, r.vestiging AS Vestiging, r.school_year AS SchoolYear, r.subject AS Subject,
                   r.provider AS Provider, r.level AS Level, r.exempt AS Exempt
            FROM outflow_result r JOIN pupil p ON p.pupil_id = r.pupil_id JOIN school s ON s.brin = r.brin AND s.vestiging = r.vestiging
            WHERE s.bgnr = @bgnr AND r.school_year <= @maxYear
            ORDER BY p.pupil_key, r.school_year, r.subject
            """, new { bgnr, maxYear = OutflowCalendar.LastKnownOutflowYear(asOf) }, cancellationToken: cancellationToken));
        return [.. rows];
    }

    public async Task<long> GenerationAsync(string bgnr, CancellationToken cancellationToken)
    {
        await using var connection = await store.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            "SELECT generation FROM board_generation WHERE bgnr = @bgnr", new { bgnr }, cancellationToken: cancellationToken)) ?? 0;
    }

    public async Task<string?> BoardOfSchoolAsync(SchoolId school, CancellationToken cancellationToken)
    {
        await using var connection = await store.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<string?>(new CommandDefinition(
            "SELECT bgnr FROM school WHERE brin = @brin AND vestiging = @vestiging",
            new { brin = school.Brin, vestiging = school.Vestiging }, cancellationToken: cancellationToken));
    }
}
