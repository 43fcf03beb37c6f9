using Dapper;
using Uitstroom.Ingest.Store;

namespace Uitstroom.Ingest.PublicData;

// Init-only rows: Dapper converts SQLite's Int64 and PostgreSQL's Int32 per property (see RegistryRepository).

public sealed record InspectieSchoolRecord
{
    public required string Ovt { get; init; }
    public required string Brin { get; init; }
    public string Name { get; init; } = "";
    public string? Bgnr { get; init; }
    public double? Schoolweging { get; init; }
}

public sealed record PublishedYearRecord
{
    public required string Ovt { get; init; }
    public int SchoolYear { get; init; }
    public bool Masked { get; init; }
    public int? Pupils { get; init; }
    public double? PercentFundamental { get; init; }
    public double? PercentTarget { get; init; }
}

public sealed record PublishedJudgementRecord
{
    public required string Ovt { get; init; }
    public int LastSchoolYear { get; init; }
    public double SignaleringswaardeFundamental { get; init; }
    public double? SignaleringswaardeTarget { get; init; }
    public double? PooledFundamental { get; init; }
    public double? PooledTarget { get; init; }
    public int? Pupils { get; init; }
    public required string OutcomeFundamental { get; init; }
    public required string OutcomeTarget { get; init; }
}

/// <summary>The published results of one school or one board's schools, as stored.</summary>
public sealed record PublishedResults(
    IReadOnlyList<InspectieSchoolRecord> Schools,
    ILookup<string, PublishedYearRecord> Years,
    IReadOnlyDictionary<string, PublishedJudgementRecord> Judgements,
    int? LatestSchoolYear);

/// <summary>Reads the published school results back, per board (BGNR) or per school (OVT).</summary>
public sealed class PublishedResultsReader(StoreConnectionFactory store)
{
    public Task<PublishedResults> ForBoardAsync(string bgnr, CancellationToken cancellationToken) =>
        ReadAsync("i.bgnr = @key", bgnr, cancellationToken);

    public Task<PublishedResults> ForSchoolAsync(string ovt, CancellationToken cancellationToken) =>
        ReadAsync("i.ovt = @key", ovt, cancellationToken);

    public async Task<bool> BoardKnownAsync(string bgnr, CancellationToken cancellationToken)
    {
        await using var c = await store.OpenAsync(cancellationToken);
        return await c.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT (SELECT COUNT(*) FROM board WHERE bgnr = @bgnr) + (SELECT COUNT(*) FROM inspectie_school WHERE bgnr = @bgnr)",
            new { bgnr }, cancellationToken: cancellationToken)) > 0;
    }

    private async Task<PublishedResults> ReadAsync(string where, string key, CancellationToken ct)
    {
        await using var c = await store.OpenAsync(ct);
        var schools = await c.QueryAsync<InspectieSchoolRecord>(new CommandDefinition(
            $"SELECT i.ovt AS Ovt, i.brin AS Brin, i.name AS Name, i.bgnr AS Bgnr, i.schoolweging AS Schoolweging FROM inspectie_school i WHERE {where} ORDER BY i.ovt",
            new { key }, cancellationToken: ct));
        var years = await c.QueryAsync<PublishedYearRecord>(new CommandDefinition(
            $"""
            SELECT p.ovt AS Ovt, p.school_year AS SchoolYear, p.masked AS Masked, p.pupils AS Pupils,
                   p.percent_fundamental AS PercentFundamental, p.percent_target AS PercentTarget
            FROM published_year p JOIN inspectie_school i ON i.ovt = p.ovt WHERE {where} ORDER BY p.ovt, p.school_year
            """,
            new { key }, cancellationToken: ct));
        var judgements = await c.QueryAsync<PublishedJudgementRecord>(new CommandDefinition(
            $"""
            SELECT j.ovt AS Ovt, j.last_school_year AS LastSchoolYear, j.signaleringswaarde_fundamental AS SignaleringswaardeFundamental,
                   j.signaleringswaarde_target AS SignaleringswaardeTarget, j.pooled_fundamental AS PooledFundamental,
                   j.pooled_target AS PooledTarget, j.pupils AS Pupils, j.outcome_fundamental AS OutcomeFundamental,
                   j.outcome_target AS OutcomeTarget
            FROM published_judgement j JOIN inspectie_school i ON i.ovt = j.ovt WHERE {where} ORDER BY j.ovt, j.last_school_year
            """,
            new { key }, cancellationToken: ct));
        var latest = await c.ExecuteScalarAsync<long?>(new CommandDefinition("SELECT MAX(school_year) FROM published_year", cancellationToken: ct));
        return new PublishedResults(
            [.. schools],
            years.ToLookup(y => y.Ovt),
            // The most recent judgement per school.
            judgements.GroupBy(j => j.Ovt).ToDictionary(g => g.Key, g => g.MaxBy(j => j.LastSchoolYear)!),
            latest is { } l ? (int)l : null);
    }
}
