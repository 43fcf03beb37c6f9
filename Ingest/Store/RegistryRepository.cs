using Dapper;

namespace Uitstroom.Ingest.Store;

// Rows are init-only records rather than positional ones: Dapper then converts column types per property
// (SQLite returns every integer as Int64, PostgreSQL as Int32), where constructor matching would need exact types.

public sealed record BoardRow
{
    public required string Bgnr { get; init; }
    public required string Name { get; init; }
    public int SchoolCount { get; init; }
}

public sealed record SchoolRow
{
    public required string Brin { get; init; }
    public int Vestiging { get; init; }
    public required string Bgnr { get; init; }
    public string? Ovt { get; init; }
    public required string Name { get; init; }
    public string Municipality { get; init; } = "";
    public double? Schoolweging { get; init; }
}

public sealed record ProviderRow
{
    public required string Brin { get; init; }
    public int Vestiging { get; init; }
    public int SchoolYear { get; init; }
    public required string Provider { get; init; }
    public long Results { get; init; }
}

/// <summary>Reads boards and schools.</summary>
public sealed class RegistryRepository(StoreConnectionFactory store)
{
    public async Task<IReadOnlyList<BoardRow>> ListBoardsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await store.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<BoardRow>(new CommandDefinition(
            """
            SELECT b.bgnr AS Bgnr, b.name AS Name, CAST(COUNT(s.brin) AS INTEGER) AS SchoolCount
            FROM board b LEFT JOIN school s ON s.bgnr = b.bgnr
            GROUP BY b.bgnr, b.name
            ORDER BY b.bgnr
            """,
            cancellationToken: cancellationToken));
        return [.. rows];
    }

    public async Task<IReadOnlyList<SchoolRow>> ListSchoolsAsync(string bgnr, CancellationToken cancellationToken)
    {
        await using var connection = await store.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<SchoolRow>(new CommandDefinition(
            """
            SELECT brin AS Brin, vestiging AS Vestiging, bgnr AS Bgnr, ovt AS Ovt, name AS Name,
                   municipality AS Municipality, schoolweging AS Schoolweging
            FROM school WHERE bgnr = @bgnr ORDER BY brin, vestiging
            """,
            new { bgnr },
            cancellationToken: cancellationToken));
        return [.. rows];
    }

    /// <summary>
    /// Per school of the board, the LVS provider with the most results in the school's latest school year with any;
    /// a tie goes to the provider first in alphabetical order, so the answer does not depend on row order.
    /// </summary>
    public async Task<IReadOnlyDictionary<(string Brin, int Vestiging), string>> ProvidersAsync(string bgnr, CancellationToken cancellationToken)
    {
        await using var connection = await store.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<ProviderRow>(new CommandDefinition(
            """
            SELECT r.brin AS Brin, r.vestiging AS Vestiging, r.school_year AS SchoolYear, r.provider AS Provider, COUNT(*) AS Results
            FROM lvs_result r JOIN school s ON s.brin = r.brin AND s.vestiging = r.vestiging
            WHERE s.bgnr = @bgnr
            GROUP BY r.brin, r.vestiging, r.school_year, r.provider
            """,
            new { bgnr },
            cancellationToken: cancellationToken));
        return rows
            .GroupBy(r => (r.Brin, r.Vestiging))
            .ToDictionary(
                g => g.Key,
                g => g.OrderByDescending(r => r.SchoolYear).ThenByDescending(r => r.Results).ThenBy(r => r.Provider, StringComparer.Ordinal).First().Provider);
    }

    public async Task<bool> BoardExistsAsync(string bgnr, CancellationToken cancellationToken)
    {
        await using var connection = await store.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            "SELECT COUNT(*) FROM board WHERE bgnr = @bgnr", new { bgnr }, cancellationToken: cancellationToken)) > 0;
    }
}
