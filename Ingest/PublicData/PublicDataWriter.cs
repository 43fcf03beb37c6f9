using System.Data.Common;
using Dapper;
using Uitstroom.Domain.Inspectie;
using Uitstroom.Ingest.Store;

namespace Uitstroom.Ingest.PublicData;

/// <summary>
/// Writes a parsed public file to the store in one transaction. Idempotent: what the same kind of file for the same
/// year(s) put there before is replaced, so importing a file twice leaves the store as after the first time.
/// </summary>
public sealed class PublicDataWriter(StoreConnectionFactory store)
{
    public async Task WriteAsync(ParsedPublicFile file, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        await using var connection = await store.OpenAsync(cancellationToken);
        await using var tx = await connection.BeginTransactionAsync(cancellationToken);
        switch (file.Kind)
        {
            case PublicFileKind.InspectieLeerresultaten:
                await WriteResultsAsync(connection, tx, file, cancellationToken);
                break;
            case PublicFileKind.InspectieSchoolwegingJaar:
                await WriteSchoolwegingYearAsync(connection, tx, file, cancellationToken);
                break;
            case PublicFileKind.InspectieSchoolwegingDriejaars:
                await WriteSchoolwegingThreeYearAsync(connection, tx, file, cancellationToken);
                break;
            case PublicFileKind.DuoReferentieniveaus:
                await WriteLevelCountsAsync(connection, tx, file, cancellationToken);
                break;
            case PublicFileKind.DuoSchoolvestigingen:
                await WriteSchoolsAsync(connection, tx, file, cancellationToken);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(file), file.Kind, "unknown public file kind");
        }

        await LinkSchoolsToOvtsAsync(connection, tx, cancellationToken);
        await tx.CommitAsync(cancellationToken);
    }

    private static async Task WriteResultsAsync(DbConnection c, DbTransaction tx, ParsedPublicFile file, CancellationToken ct)
    {
        var years = file.Years.Select(y => y.StartYear).ToArray();
        var last = years.Max();
        var rows = file.RowsOf<InspectieResultRow>().ToList();
        await c.ExecuteAsync(new CommandDefinition("DELETE FROM published_year WHERE school_year = @y", years.Select(y => new { y }), tx, cancellationToken: ct));
        await c.ExecuteAsync(new CommandDefinition("DELETE FROM published_judgement WHERE last_school_year = @last", new { last }, tx, cancellationToken: ct));
        await c.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO inspectie_school (ovt, brin, schoolweging) VALUES (@ovt, @brin, @schoolweging)
            ON CONFLICT (ovt) DO UPDATE SET schoolweging = excluded.schoolweging
            """,
            rows.Select(r => new { ovt = r.Ovt.Value, brin = r.Ovt.Brin, schoolweging = r.Schoolweging }), tx, cancellationToken: ct));
        await BulkInsert.WriteAsync(c, tx, "published_year",
            [("ovt", BulkType.Text), ("school_year", BulkType.WholeNumber), ("masked", BulkType.WholeNumber), ("pupils", BulkType.WholeNumber),
             ("percent_fundamental", BulkType.Real), ("percent_target", BulkType.Real)],
            rows.SelectMany(r => r.Years.Select(y => new object?[]
            {
                r.Ovt.Value, y.Year.StartYear, y.Masked ? 1 : 0, y.Pupils, y.PercentFundamental, y.PercentTarget,
            })), ct);
        await BulkInsert.WriteAsync(c, tx, "published_judgement",
            [("ovt", BulkType.Text), ("last_school_year", BulkType.WholeNumber), ("schoolweging", BulkType.Real),
             ("signaleringswaarde_fundamental", BulkType.Real), ("signaleringswaarde_target", BulkType.Real),
             ("pooled_fundamental", BulkType.Real), ("pooled_target", BulkType.Real), ("pupils", BulkType.WholeNumber),
             ("outcome_fundamental", BulkType.Text), ("outcome_target", BulkType.Text)],
            rows.Select(r => new object?[]
            {
                r.Ovt.Value, last, r.Schoolweging, r.SignaleringswaardeFundamental, r.SignaleringswaardeTarget,
                r.PooledFundamental, r.PooledTarget, r.Pupils, r.OutcomeFundamental.Label(), r.OutcomeTarget.Label(),
            }), ct);
    }

    private static async Task WriteSchoolwegingYearAsync(DbConnection c, DbTransaction tx, ParsedPublicFile file, CancellationToken ct)
    {
        var rows = file.RowsOf<SchoolwegingRow>().ToList();
        var year = file.Years.Single().StartYear;
        await AddBoardsAsync(c, tx, rows.Select(r => r.Bgnr), ct);
        // A yearly sheet names and boards a school only where nothing better (the three-year sheet) has yet.
        await c.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO inspectie_school (ovt, brin, name, bgnr) VALUES (@ovt, @brin, @name, @bgnr)
            ON CONFLICT (ovt) DO UPDATE SET
                name = CASE WHEN inspectie_school.name = '' THEN excluded.name ELSE inspectie_school.name END,
                bgnr = COALESCE(inspectie_school.bgnr, excluded.bgnr)
            """,
            rows.Select(r => new { ovt = r.Ovt.Value, brin = r.Ovt.Brin, name = r.Name, bgnr = r.Bgnr }), tx, cancellationToken: ct));
        await c.ExecuteAsync(new CommandDefinition("DELETE FROM schoolweging_year WHERE school_year = @year", new { year }, tx, cancellationToken: ct));
        await BulkInsert.WriteAsync(c, tx, "schoolweging_year",
            [("ovt", BulkType.Text), ("school_year", BulkType.WholeNumber), ("schoolweging", BulkType.Real), ("pupils", BulkType.WholeNumber), ("spreiding", BulkType.Real)],
            rows.Select(r => new object?[] { r.Ovt.Value, year, r.Schoolweging, r.Pupils, r.Spreiding }), ct);
    }

    private static async Task WriteSchoolwegingThreeYearAsync(DbConnection c, DbTransaction tx, ParsedPublicFile file, CancellationToken ct)
    {
        var rows = file.RowsOf<SchoolwegingRow>().ToList();
        await AddBoardsAsync(c, tx, rows.Select(r => r.Bgnr), ct);
        // The three-year sheet is what the judgement uses: its name, board and schoolweging win.
        await c.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO inspectie_school (ovt, brin, name, bgnr, schoolweging) VALUES (@ovt, @brin, @name, @bgnr, @schoolweging)
            ON CONFLICT (ovt) DO UPDATE SET name = excluded.name, bgnr = excluded.bgnr, schoolweging = excluded.schoolweging
            """,
            rows.Select(r => new { ovt = r.Ovt.Value, brin = r.Ovt.Brin, name = r.Name, bgnr = r.Bgnr, schoolweging = r.Schoolweging }),
            tx, cancellationToken: ct));
    }

    private static async Task WriteLevelCountsAsync(DbConnection c, DbTransaction tx, ParsedPublicFile file, CancellationToken ct)
    {
        var rows = file.RowsOf<DuoLevelCountRow>().ToList();
        await c.ExecuteAsync(new CommandDefinition(
            "DELETE FROM duo_level_count WHERE school_year = @y", file.Years.Select(y => new { y = y.StartYear }), tx, cancellationToken: ct));
        await BulkInsert.WriteAsync(c, tx, "duo_level_count",
            [("brin", BulkType.Text), ("vestiging", BulkType.WholeNumber), ("school_year", BulkType.WholeNumber), ("subject", BulkType.Text),
             ("level", BulkType.Text), ("count_low", BulkType.WholeNumber), ("count_high", BulkType.WholeNumber)],
            rows.SelectMany(r => r.Counts.Select(kv => new object?[]
            {
                r.School.Brin, r.School.Vestiging, r.Year.StartYear, kv.Key.Subject.Code(), kv.Key.Level.Code(), kv.Value.Low, kv.Value.High,
            })), ct);
    }

    private static async Task WriteSchoolsAsync(DbConnection c, DbTransaction tx, ParsedPublicFile file, CancellationToken ct)
    {
        var rows = file.RowsOf<DuoSchoolRow>().ToList();
        await AddBoardsAsync(c, tx, rows.Select(r => r.Bgnr), ct);
        // Upserted, not replaced: other imports (pupils, results) refer to these vestigingen.
        await c.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO school (brin, vestiging, bgnr, name, municipality) VALUES (@brin, @vestiging, @bgnr, @name, @municipality)
            ON CONFLICT (brin, vestiging) DO UPDATE SET bgnr = excluded.bgnr, name = excluded.name, municipality = excluded.municipality
            """,
            rows.Select(r => new { brin = r.School.Brin, vestiging = r.School.Vestiging, bgnr = r.Bgnr, name = r.Name, municipality = r.Municipality }),
            tx, cancellationToken: ct));
    }

    /// <summary>No public file here names the boards; they are registered by number and named where known.</summary>
    private static Task<int> AddBoardsAsync(DbConnection c, DbTransaction tx, IEnumerable<string> bgnrs, CancellationToken ct) =>
        c.ExecuteAsync(new CommandDefinition(
            "INSERT INTO board (bgnr, name) VALUES (@bgnr, '') ON CONFLICT (bgnr) DO NOTHING",
            bgnrs.Distinct().Select(bgnr => new { bgnr }), tx, cancellationToken: ct));

    /// <summary>
    /// Links a DUO vestiging to its OVT where that is unambiguous: its BRIN has exactly one OVT, and it is the
    /// BRIN's main (lowest-numbered) vestiging. The C&lt;n&gt; of an OVT is not a vestiging number, so a BRIN with
    /// several OVTs stays unlinked (228 BRINs in 2025); see docs/inspectie-rules.md.
    /// </summary>
    private static Task<int> LinkSchoolsToOvtsAsync(DbConnection c, DbTransaction tx, CancellationToken ct) =>
        // Set-based (UPDATE … FROM, SQLite ≥ 3.33 and PostgreSQL): correlated subqueries per row meet tables whose
        // statistics are still empty within the import's transaction, and PostgreSQL then scans them row by row.
        c.ExecuteAsync(new CommandDefinition(
            """
            UPDATE school SET ovt = m.ovt, schoolweging = m.schoolweging
            FROM (SELECT brin, MIN(ovt) AS ovt, MIN(schoolweging) AS schoolweging
                  FROM inspectie_school GROUP BY brin HAVING COUNT(*) = 1) AS m,
                 (SELECT brin, MIN(vestiging) AS vestiging FROM school GROUP BY brin) AS main
            WHERE school.brin = m.brin AND school.brin = main.brin AND school.vestiging = main.vestiging
              AND school.ovt IS NULL
              AND m.ovt NOT IN (SELECT s.ovt FROM school s WHERE s.ovt IS NOT NULL)
            """,
            transaction: tx, cancellationToken: ct));
}
