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

    public async Task<bool> BoardExistsAsync(string bgnr, CancellationToken cancellationToken)
    {
        await using var connection = await store.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            "SELECT COUNT(*) FROM board WHERE bgnr = @bgnr", new { bgnr }, cancellationToken: cancellationToken)) > 0;
    }
}
