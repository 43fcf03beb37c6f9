using Dapper;
using Npgsql;
using NpgsqlTypes;
using Uitstroom.Domain.Results;
using Uitstroom.Ingest.Importing;

namespace Uitstroom.Ingest.Store;

/// <summary>
/// PostgreSQL: LVS rows stream into a transaction-local staging table by binary COPY (the fastest way in), then one
/// INSERT … SELECT … ON CONFLICT merges them, so the upsert rules are the same as SQLite's.
/// </summary>
public sealed class PostgresImportBatch(NpgsqlConnection connection, NpgsqlTransaction transaction, long importId)
    : ImportBatch(connection, transaction, importId)
{
    private static readonly string[] Columns = [.. ResultSql.LvsKey.Concat(ResultSql.LvsValues).Append("import_id")];

    private NpgsqlBinaryImporter? _copy;

    public override async ValueTask WriteLvsAsync(string pupilKey, LvsResult r, Normalised? normalised, CancellationToken cancellationToken)
    {
        if (_copy is null)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "CREATE TEMP TABLE lvs_stage (LIKE lvs_result) ON COMMIT DROP", transaction: transaction, cancellationToken: cancellationToken));
            _copy = await connection.BeginBinaryImportAsync(
                $"COPY lvs_stage ({string.Join(", ", Columns)}) FROM STDIN (FORMAT BINARY)", cancellationToken);
        }

        var c = _copy;
        await c.StartRowAsync(cancellationToken);
        await c.WriteAsync(pupilKey, NpgsqlDbType.Text, cancellationToken);
        await c.WriteAsync(r.Year.StartYear, NpgsqlDbType.Integer, cancellationToken);
        await c.WriteAsync(MomentCodes.Of(r.Moment), NpgsqlDbType.Text, cancellationToken);
        await c.WriteAsync(r.Subject.Code(), NpgsqlDbType.Text, cancellationToken);
        await c.WriteAsync(r.School.Brin, NpgsqlDbType.Text, cancellationToken);
        await c.WriteAsync(r.School.Vestiging, NpgsqlDbType.Integer, cancellationToken);
        await c.WriteAsync(r.Groep, NpgsqlDbType.Integer, cancellationToken);
        await c.WriteAsync(r.Provider, NpgsqlDbType.Text, cancellationToken);
        await c.WriteAsync(r.Score, NpgsqlDbType.Double, cancellationToken);
        await WriteNullable(c, r.Percentile, NpgsqlDbType.Double, cancellationToken);
        await WriteNullable(c, r.Niveau, NpgsqlDbType.Text, cancellationToken);
        await WriteNullable(c, r.ReportedLevel?.Code(), NpgsqlDbType.Text, cancellationToken);
        await WriteNullable(c, r.TakenOn is { } t ? Dates.Iso(t) : null, NpgsqlDbType.Text, cancellationToken);
        await c.WriteAsync(Dates.Iso(r.EffectiveDate), NpgsqlDbType.Text, cancellationToken);
        await WriteNullable(c, normalised?.Uniform, NpgsqlDbType.Double, cancellationToken);
        await WriteNullable(c, normalised?.TableVersion, NpgsqlDbType.Integer, cancellationToken);
        await c.WriteAsync(ImportId, NpgsqlDbType.Bigint, cancellationToken);
    }

    protected override async Task FlushLvsAsync(CancellationToken cancellationToken)
    {
        if (_copy is null)
        {
            return;
        }

        await _copy.CompleteAsync(cancellationToken);
        await _copy.DisposeAsync();
        _copy = null;
        Changed += await connection.ExecuteAsync(new CommandDefinition(
            ResultSql.Upsert("lvs_result", ResultSql.LvsKey, ResultSql.LvsValues, "lvs_stage"),
            transaction: transaction, commandTimeout: 0, cancellationToken: cancellationToken));
    }

    private static Task WriteNullable<T>(NpgsqlBinaryImporter copy, T? value, NpgsqlDbType type, CancellationToken cancellationToken) =>
        value is null ? copy.WriteNullAsync(cancellationToken) : copy.WriteAsync(value, type, cancellationToken);

    public override async ValueTask DisposeAsync()
    {
        if (_copy is not null)
        {
            // Disposing an unfinished COPY cancels it; the transaction then rolls back in the base class.
            try
            {
                await _copy.DisposeAsync();
            }
            catch (NpgsqlException)
            {
                // The connection already failed; nothing more to undo.
            }
        }

        await base.DisposeAsync();
    }
}
