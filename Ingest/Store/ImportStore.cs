using System.Data.Common;
using Dapper;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Uitstroom.Ingest.Store;

/// <summary>The registry as an import sees it: every school location with its board.</summary>
public sealed record KnownSchool(string Brin, int Vestiging, string Bgnr);

/// <summary>Starts import batches and records refused imports; picks the writer by the store's kind.</summary>
public sealed class ImportStore(StoreConnectionFactory store)
{
    public async Task<IReadOnlyList<KnownSchool>> SchoolsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await store.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<KnownSchoolRow>(new CommandDefinition(
            "SELECT brin AS Brin, vestiging AS Vestiging, bgnr AS Bgnr FROM school", cancellationToken: cancellationToken));
        return [.. rows.Select(r => new KnownSchool(r.Brin, r.Vestiging, r.Bgnr))];
    }

    public async Task<ImportBatch> BeginAsync(CancellationToken cancellationToken)
    {
        var connection = await store.OpenAsync(cancellationToken);
        try
        {
            var transaction = await connection.BeginTransactionAsync(cancellationToken);
            if (connection is NpgsqlConnection)
            {
                // Imports take their ids in turn; concurrent readers are not blocked.
                await connection.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_xact_lock(6006)", transaction: transaction, cancellationToken: cancellationToken));
            }

            else
            {
                // An import walks the pupil-key index at random (keys are keyed hashes): a page cache of 32 MB instead
                // of 2 MB spares most page reads and spills (docs/ingest-performance.md). Reset when the batch ends.
                await connection.ExecuteAsync(new CommandDefinition($"PRAGMA cache_size = -{SqliteImportBatch.ImportCacheKiB}", transaction: transaction, cancellationToken: cancellationToken));
            }

            var id = await NextIdAsync(connection, transaction, cancellationToken);
            return connection switch
            {
                NpgsqlConnection pg => new PostgresImportBatch(pg, (NpgsqlTransaction)transaction, id),
                SqliteConnection sqlite => new SqliteImportBatch(sqlite, transaction, id),
                _ => throw new InvalidOperationException($"no import writer for {connection.GetType().Name}"),
            };
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>An import that stored nothing (strict mode with rejections, or a file that could not be read).</summary>
    public async Task<long> RecordRefusedAsync(ImportAudit audit, CancellationToken cancellationToken)
    {
        await using var connection = await store.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (connection is NpgsqlConnection)
        {
            await connection.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_xact_lock(6006)", transaction: transaction, cancellationToken: cancellationToken));
        }

        var id = await NextIdAsync(connection, transaction, cancellationToken);
        await WriteAuditAsync(connection, transaction, id, audit, 0, "refused", [], cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return id;
    }

    internal static Task WriteAuditAsync(DbConnection connection, DbTransaction transaction, long id, ImportAudit audit,
        long changed, string outcome, IReadOnlyCollection<string> boards, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO import_audit (id, who, started_at, finished_at, file_name, format, content_sha256, strict_mode,
                                      rows_read, rows_accepted, rows_rejected, rows_changed, outcome, boards)
            VALUES (@id, @who, @started, @finished, @file, @format, @hash, @strict, @read, @accepted, @rejected, @changed, @outcome, @boards)
            """,
            new
            {
                id,
                who = audit.Who,
                started = audit.StartedAt.ToString("O"),
                finished = DateTimeOffset.UtcNow.ToString("O"),
                file = audit.FileName,
                format = audit.Format,
                hash = audit.ContentSha256,
                strict = audit.Strict ? 1 : 0,
                read = audit.RowsRead,
                accepted = audit.RowsAccepted,
                rejected = audit.RowsRejected,
                changed,
                outcome,
                boards = string.Join(",", boards.Order(StringComparer.Ordinal)),
            }, transaction, cancellationToken: cancellationToken));

    private static Task<long> NextIdAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken) =>
        connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COALESCE(MAX(id), 0) + 1 FROM import_audit", transaction: transaction, cancellationToken: cancellationToken));

    private sealed record KnownSchoolRow
    {
        public required string Brin { get; init; }
        public int Vestiging { get; init; }
        public required string Bgnr { get; init; }
    }
}
