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

        // Synchronous writes: the importer buffers and flushes in large blocks, and an await per field would cost
        // more than the field itself.
        var c = _copy;
        c.StartRow();
        c.Write(pupilKey, NpgsqlDbType.Text);
        c.Write(r.Year.StartYear, NpgsqlDbType.Integer);
        c.Write(MomentCodes.Of(r.Moment), NpgsqlDbType.Text);
        c.Write(r.Subject.Code(), NpgsqlDbType.Text);
        c.Write(r.School.Brin, NpgsqlDbType.Text);
        c.Write(r.School.Vestiging, NpgsqlDbType.Integer);
        c.Write(r.Groep, NpgsqlDbType.Integer);
        c.Write(r.Provider, NpgsqlDbType.Text);
        c.Write(r.Score, NpgsqlDbType.Double);
        WriteNullable(c, r.Percentile, NpgsqlDbType.Double);
        WriteNullable(c, r.Niveau, NpgsqlDbType.Text);
        WriteNullable(c, r.ReportedLevel?.Code(), NpgsqlDbType.Text);
        WriteNullable(c, r.TakenOn is { } t ? Dates.Iso(t) : null, NpgsqlDbType.Text);
        c.Write(Dates.Iso(r.EffectiveDate), NpgsqlDbType.Text);
        WriteNullable(c, normalised?.Uniform, NpgsqlDbType.Double);
        WriteNullable(c, normalised?.TableVersion, NpgsqlDbType.Integer);
        c.Write(ImportId, NpgsqlDbType.Bigint);
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

    private static void WriteNullable(NpgsqlBinaryImporter copy, string? value, NpgsqlDbType type)
    {
        if (value is null)
        {
            copy.WriteNull();
        }
        else
        {
            copy.Write(value, type);
        }
    }

    private static void WriteNullable<T>(NpgsqlBinaryImporter copy, T? value, NpgsqlDbType type)
        where T : struct
    {
        if (value is { } v)
        {
            copy.Write(v, type);
        }
        else
        {
            copy.WriteNull();
        }
    }

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
