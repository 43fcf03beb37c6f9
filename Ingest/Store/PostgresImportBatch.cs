using Dapper;
using Npgsql;
using NpgsqlTypes;
using Uitstroom.Domain.Results;
using Uitstroom.Ingest.Importing;

namespace Uitstroom.Ingest.Store;

/// <summary>
/// PostgreSQL: LVS rows stream into a transaction-local staging table by binary COPY (the fastest way in), then one
/// INSERT … SELECT … ON CONFLICT merges them, so the upsert rules are the same as SQLite's. A first load into an
/// empty table skips the staging (see <see cref="StartCopyAsync"/>).
/// </summary>
public sealed class PostgresImportBatch(NpgsqlConnection connection, NpgsqlTransaction transaction, long importId)
    : ImportBatch(connection, transaction, importId)
{
    private static readonly string[] Columns = [.. ResultSql.LvsKey.Concat(ResultSql.LvsValues).Append("import_id")];

    private readonly List<(int Id, string Key)> _newPupils = [];

    /// <summary>The import's dates as stored text: a file holds few distinct dates, so each is formatted once.</summary>
    private readonly Dictionary<DateOnly, string> _dates = [];
    private PgBinaryRows? _copy;
    private string? _target;
    private IReadOnlyList<string>? _rebuild;
    private long _copied;
    private bool _stagedUnmerged;

    public override async ValueTask WriteLvsAsync(string pupilKey, LvsResult r, Normalised? normalised, CancellationToken cancellationToken)
    {
        if (!TryPupilId(pupilKey, out var pupilId))
        {
            await WriteResolvingAsync(pupilKey, r, normalised, cancellationToken);
            return;
        }

        _copy ??= await StartCopyAsync(cancellationToken);

        // Synchronous writes into the row buffer, sent in 64 kB blocks: an await per field would cost more than the
        // field itself. The order and types are the COPY's columns (Columns).
        var c = _copy;
        c.StartRow((short)Columns.Length);
        c.Write(pupilId);
        c.Write(r.Year.StartYear);
        c.Write(MomentCodes.Of(r.Moment));
        c.Write(r.Subject.Code());
        c.Write(r.School.Brin);
        c.Write(r.School.Vestiging);
        c.Write(r.Groep);
        c.Write(r.Provider);
        c.Write(r.Score);
        c.Write(r.Percentile);
        c.Write(r.Niveau);
        c.Write(r.ReportedLevel?.Code());
        c.Write(r.TakenOn is { } t ? Iso(t) : null);
        c.Write(Iso(r.EffectiveDate));
        c.Write(normalised?.Uniform);
        c.Write(normalised?.TableVersion);
        c.Write(ImportId);
        _copied++;
    }

    /// <summary>
    /// Into an empty lvs_result (a first, national load) the rows are copied straight in with its indexes dropped
    /// and rebuilt afterwards: building an index over sorted keys once is several times cheaper than inserting a
    /// million random keys into it, and nothing can conflict with an empty table (the importer passes each key at
    /// most once). Into a table with rows they go through the staging table and the upsert. The import holds the
    /// import lock, and dropping an index locks the table until commit, so a first load briefly blocks readers of
    /// what is an empty table anyway.
    /// </summary>
    private async Task<PgBinaryRows> StartCopyAsync(CancellationToken cancellationToken)
    {
        // Decided once per import: a COPY ended early (to look pupils up) resumes into the same table.
        if (_target is null)
        {
            var empty = !await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
                "SELECT EXISTS (SELECT 1 FROM lvs_result)", transaction: transaction, cancellationToken: cancellationToken));
            if (empty)
            {
                _rebuild = await DropIndexesAsync(cancellationToken);
                _target = "lvs_result";
            }
            else
            {
                await connection.ExecuteAsync(new CommandDefinition(
                    "CREATE TEMP TABLE lvs_stage (LIKE lvs_result) ON COMMIT DROP", transaction: transaction, cancellationToken: cancellationToken));
                _target = "lvs_stage";
            }
        }

        _stagedUnmerged |= _target == "lvs_stage";
        return await PgBinaryRows.BeginAsync(
            connection, $"COPY {_target} ({string.Join(", ", Columns)}) FROM STDIN (FORMAT BINARY)", cancellationToken);
    }

    private string Iso(DateOnly date)
    {
        if (!_dates.TryGetValue(date, out var text))
        {
            _dates[date] = text = Dates.Iso(date);
        }

        return text;
    }

    /// <summary>Ends a running COPY, so the connection can take other statements.</summary>
    private async Task EndCopyAsync(CancellationToken cancellationToken)
    {
        if (_copy is null)
        {
            return;
        }

        await _copy.CompleteAsync(cancellationToken);
        await _copy.DisposeAsync();
        _copy = null;
    }

    protected override async Task<IReadOnlyDictionary<string, int>> LookUpPupilsAsync(IReadOnlyList<string> pupilKeys, CancellationToken cancellationToken)
    {
        // One round trip per batch of keys new to this import; the COPY resumes with the batch's first row.
        await EndCopyAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string Key, int Id)>(new CommandDefinition(
            "SELECT pupil_key, pupil_id FROM pupil WHERE pupil_key = ANY(@keys)",
            new { keys = pupilKeys.ToArray() }, transaction, cancellationToken: cancellationToken));
        return rows.ToDictionary(r => r.Key, r => r.Id, StringComparer.Ordinal);
    }

    protected override Task AddPupilsAsync(IReadOnlyList<(int Id, string Key)> pupils, CancellationToken cancellationToken)
    {
        // Written in one COPY when the rows are flushed: later lookups only ask for keys this import has not seen.
        _newPupils.AddRange(pupils);
        return Task.CompletedTask;
    }

    private async Task WriteNewPupilsAsync(CancellationToken cancellationToken)
    {
        if (_newPupils.Count == 0)
        {
            return;
        }

        await using (var copy = await connection.BeginBinaryImportAsync("COPY pupil (pupil_id, pupil_key) FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            foreach (var (id, key) in _newPupils)
            {
                copy.StartRow();
                copy.Write(id, NpgsqlDbType.Integer);
                copy.Write(key, NpgsqlDbType.Text);
            }

            await copy.CompleteAsync(cancellationToken);
        }

        _newPupils.Clear();
    }

    /// <summary>Drops lvs_result's indexes and constraints, returning the statements that recreate them as they were.</summary>
    private async Task<IReadOnlyList<string>> DropIndexesAsync(CancellationToken cancellationToken)
    {
        var definitions = (await connection.QueryAsync<(string Name, string Sql, bool IsConstraint)>(new CommandDefinition(
            """
            SELECT c.conname, 'ALTER TABLE lvs_result ADD CONSTRAINT ' || quote_ident(c.conname) || ' ' || pg_get_constraintdef(c.oid), true
            FROM pg_constraint c WHERE c.conrelid = 'lvs_result'::regclass AND c.contype IN ('p', 'u')
            UNION ALL
            SELECT i.relname, pg_get_indexdef(i.oid), false
            FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid
            WHERE x.indrelid = 'lvs_result'::regclass
              AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid)
            """, transaction: transaction, cancellationToken: cancellationToken))).ToList();
        foreach (var (name, _, isConstraint) in definitions)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                isConstraint ? $"ALTER TABLE lvs_result DROP CONSTRAINT {Quote(name)}" : $"DROP INDEX {Quote(name)}",
                transaction: transaction, cancellationToken: cancellationToken));
        }

        return [.. definitions.Select(d => d.Sql)];
    }

    private static string Quote(string identifier) => $"\"{identifier.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";

    protected override async Task FlushLvsAsync(CancellationToken cancellationToken)
    {
        await EndCopyAsync(cancellationToken);
        await WriteNewPupilsAsync(cancellationToken);
        if (_rebuild is not null)
        {
            // Index builds sort in maintenance_work_mem; the default 64 MB spills a national file to disk.
            await connection.ExecuteAsync(new CommandDefinition("SET LOCAL maintenance_work_mem = '256MB'", transaction: transaction, cancellationToken: cancellationToken));
            foreach (var sql in _rebuild)
            {
                await connection.ExecuteAsync(new CommandDefinition(sql, transaction: transaction, commandTimeout: 0, cancellationToken: cancellationToken));
            }

            _rebuild = null;
            Changed += _copied;
            _copied = 0;
            return;
        }

        if (_stagedUnmerged)
        {
            _stagedUnmerged = false;
            Changed += await connection.ExecuteAsync(new CommandDefinition(
                ResultSql.Upsert("lvs_result", ResultSql.LvsKey, ResultSql.LvsValues, "lvs_stage"),
                transaction: transaction, commandTimeout: 0, cancellationToken: cancellationToken));
            await connection.ExecuteAsync(new CommandDefinition("TRUNCATE lvs_stage", transaction: transaction, cancellationToken: cancellationToken));
        }
    }

    protected override async Task StagePupilIdsAsync(IReadOnlyCollection<int> pupilIds, CancellationToken cancellationToken)
    {
        await connection.ExecuteAsync(new CommandDefinition(
            "CREATE TEMP TABLE import_pupil (pupil_id integer PRIMARY KEY) ON COMMIT DROP", transaction: transaction, cancellationToken: cancellationToken));
        await using (var copy = await connection.BeginBinaryImportAsync("COPY import_pupil (pupil_id) FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            foreach (var id in pupilIds)
            {
                copy.StartRow();
                copy.Write(id, NpgsqlDbType.Integer);
            }

            await copy.CompleteAsync(cancellationToken);
        }

        // The planner knows nothing of a fresh temporary table; without statistics it may scan lvs_result.
        await connection.ExecuteAsync(new CommandDefinition("ANALYZE import_pupil", transaction: transaction, cancellationToken: cancellationToken));
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

            _copy = null;
        }

        await base.DisposeAsync();
    }
}
