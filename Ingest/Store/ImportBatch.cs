using System.Data.Common;
using Dapper;
using Uitstroom.Domain.Results;
using Uitstroom.Ingest.Importing;

namespace Uitstroom.Ingest.Store;

/// <summary>What the audit trail keeps of one import (docs/formats.md, "Audit").</summary>
public sealed record ImportAudit(
    string Who,
    DateTimeOffset StartedAt,
    string FileName,
    string Format,
    string ContentSha256,
    bool Strict,
    long RowsRead,
    long RowsAccepted,
    long RowsRejected);

/// <summary>
/// One import as one database transaction: everything it writes becomes visible at <see cref="CommitAsync"/> or
/// not at all (disposing without committing, a cancelled call or a killed process all roll back). The LVS rows go
/// through a prepared statement reused for every row (SQLite) or binary COPY into a staging table (PostgreSQL).
/// </summary>
public abstract class ImportBatch(DbConnection connection, DbTransaction transaction, long importId) : IAsyncDisposable
{
    private DbCommand? _outflow;
    private bool _done;
    private bool _disposed;

    protected DbConnection Connection { get; } = connection;

    protected DbTransaction Transaction { get; } = transaction;

    public long ImportId { get; } = importId;

    /// <summary>Rows inserted or changed so far; rows identical to the stored ones do not count.</summary>
    public long Changed { get; protected set; }

    /// <summary>
    /// Every pupil this import has written, by key: the store's <c>pupil_id</c>, looked up or assigned once per
    /// pupil per import (docs/ingest-performance.md, "surrogate pupil ids").
    /// </summary>
    private readonly Dictionary<string, int> _pupilIds = new(StringComparer.Ordinal);
    private readonly List<string> _unseen = [];
    private int _lastPupilId = -1;
    private bool _storeHadPupils;

    /// <summary>
    /// Makes sure every key in <paramref name="pupilKeys"/> has a pupil id before its rows are written: keys the
    /// store already holds keep their id (one lookup per batch of the keys this import has not seen yet), new ones
    /// get the next ids in the order they arrive. The import holds the store's write lock (SQLite BEGIN IMMEDIATE,
    /// PostgreSQL the import advisory lock), so no other writer assigns ids meanwhile.
    /// </summary>
    public async ValueTask ResolvePupilsAsync(IReadOnlyList<string> pupilKeys, CancellationToken cancellationToken)
    {
        _unseen.Clear();
        foreach (var key in pupilKeys)
        {
            // A pupil's rows are mostly consecutive: compare with the key before first.
            if ((_unseen.Count == 0 || !ReferenceEquals(_unseen[^1], key)) && !_pupilIds.ContainsKey(key))
            {
                _unseen.Add(key);
            }
        }

        if (_unseen.Count == 0)
        {
            return;
        }

        if (_lastPupilId < 0)
        {
            _lastPupilId = await Connection.ExecuteScalarAsync<int>(new CommandDefinition(
                "SELECT COALESCE(MAX(pupil_id), 0) FROM pupil", transaction: Transaction, cancellationToken: cancellationToken));
            _storeHadPupils = _lastPupilId > 0;
        }

        var known = _storeHadPupils ? await LookUpPupilsAsync(_unseen, cancellationToken) : null;
        var added = new List<(int Id, string Key)>();
        foreach (var key in _unseen)
        {
            if (_pupilIds.ContainsKey(key))
            {
                continue;
            }

            if (known is not null && known.TryGetValue(key, out var id))
            {
                _pupilIds[key] = id;
                continue;
            }

            _pupilIds[key] = ++_lastPupilId;
            added.Add((_lastPupilId, key));
        }

        if (added.Count > 0)
        {
            await AddPupilsAsync(added, cancellationToken);
        }
    }

    /// <summary>The id of a pupil resolved by <see cref="ResolvePupilsAsync"/>, if it was.</summary>
    protected bool TryPupilId(string pupilKey, out int id) => _pupilIds.TryGetValue(pupilKey, out id);

    /// <summary>
    /// A row whose pupil the caller did not resolve in a batch: resolved alone, then written. The pipeline resolves
    /// a whole batch first, so this is the slow path of a single row.
    /// </summary>
    protected async ValueTask WriteResolvingAsync(string pupilKey, LvsResult r, Normalised? normalised, CancellationToken cancellationToken)
    {
        await ResolvePupilsAsync([pupilKey], cancellationToken);
        await WriteLvsAsync(pupilKey, r, normalised, cancellationToken);
    }

    /// <summary>The ids the store holds for those of <paramref name="pupilKeys"/> it knows.</summary>
    protected abstract Task<IReadOnlyDictionary<string, int>> LookUpPupilsAsync(IReadOnlyList<string> pupilKeys, CancellationToken cancellationToken);

    /// <summary>Stores new pupils (ids ascending); they must be in <c>pupil</c> before the import commits.</summary>
    protected abstract Task AddPupilsAsync(IReadOnlyList<(int Id, string Key)> pupils, CancellationToken cancellationToken);

    /// <summary>Writes one LVS row; its pupil is best resolved with its batch first (<see cref="ResolvePupilsAsync"/>).</summary>
    public abstract ValueTask WriteLvsAsync(string pupilKey, LvsResult r, Normalised? normalised, CancellationToken cancellationToken);

    /// <summary>Called once all LVS rows are written: where staged rows are merged into the store.</summary>
    protected virtual Task FlushLvsAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async ValueTask WriteOutflowAsync(string pupilKey, OutflowRecord result, CancellationToken cancellationToken)
    {
        _outflow ??= Prepare(ResultSql.Upsert("outflow_result", ResultSql.OutflowKey, ResultSql.OutflowValues),
            ("pupil_id", typeof(int)), ("school_year", typeof(int)), ("subject", typeof(string)), ("brin", typeof(string)),
            ("vestiging", typeof(int)), ("provider", typeof(string)), ("level", typeof(string)), ("exempt", typeof(int)),
            ("import_id", typeof(long)));
        await ResolvePupilsAsync([pupilKey], cancellationToken);
        Set(_outflow, _pupilIds[pupilKey], result.Year.StartYear, result.Subject.Code(), result.School.Brin, result.School.Vestiging,
            result.Provider, result.Level?.Code(), result.Exempt ? 1 : 0, ImportId);
        Changed += await _outflow.ExecuteNonQueryAsync(cancellationToken);
    }

    public async ValueTask WriteSchoolAsync(SchoolRecord school, CancellationToken cancellationToken)
    {
        // A board first seen in scholen.csv gets a provisional name; the DUO registry import names it properly.
        await Connection.ExecuteAsync(new CommandDefinition(ResultSql.UpsertBoard,
            new { bgnr = school.Bgnr, name = $"bestuur {school.Bgnr}" }, Transaction, cancellationToken: cancellationToken));
        Changed += await Connection.ExecuteAsync(new CommandDefinition(ResultSql.UpsertSchool,
            new
            {
                brin = school.School.Brin,
                vestiging = school.School.Vestiging,
                bgnr = school.Bgnr,
                name = school.Name,
                schoolweging = school.Schoolweging,
            }, Transaction, cancellationToken: cancellationToken));
    }

    /// <summary>
    /// Makes the import visible: merges staged rows, advances the data generation of every board it changed,
    /// writes the audit record and commits. Returns the outcome recorded.
    /// </summary>
    public async Task<string> CommitAsync(ImportAudit audit, IReadOnlyCollection<string> boards, CancellationToken cancellationToken)
    {
        await FlushLvsAsync(cancellationToken);
        var outcome = Changed > 0 ? "committed" : "unchanged";
        if (Changed > 0)
        {
            foreach (var bgnr in boards)
            {
                await Connection.ExecuteAsync(new CommandDefinition(
                    """
                    INSERT INTO board_generation (bgnr, generation, last_import_id) VALUES (@bgnr, 1, @id)
                    ON CONFLICT (bgnr) DO UPDATE SET generation = board_generation.generation + 1, last_import_id = excluded.last_import_id
                    """,
                    new { bgnr, id = ImportId }, Transaction, cancellationToken: cancellationToken));
            }
        }

        await ImportStore.WriteAuditAsync(Connection, Transaction, ImportId, audit, Changed, outcome, boards, cancellationToken);
        // Past this point a cancellation must not leave the caller believing the import failed when it committed.
        await Transaction.CommitAsync(CancellationToken.None);
        _done = true;
        return outcome;
    }

    /// <summary>
    /// The pupils of this import (by key) that the store, outside this import's own rows, holds at another school
    /// at the same time. Asked once, after all rows are written and before commit (see <see cref="SchoolClashSql"/>).
    /// </summary>
    public async Task<IReadOnlyList<SchoolClash>> FindSchoolClashesAsync(CancellationToken cancellationToken)
    {
        if (_pupilIds.Count == 0)
        {
            return [];
        }

        await FlushLvsAsync(cancellationToken);
        // Two cheap answers first (the join reads back every row this import wrote): an import that
        // changed nothing wrote no row that could clash, and a store holding only this import's rows (a first
        // load) has nothing to clash with. Each EXISTS stops at the first row it finds.
        if (Changed == 0 || await Connection.ExecuteScalarAsync<long>(new CommandDefinition(
                """
                SELECT CASE WHEN EXISTS (SELECT 1 FROM lvs_result WHERE import_id <> @id)
                              OR EXISTS (SELECT 1 FROM outflow_result WHERE import_id <> @id) THEN 1 ELSE 0 END
                """, new { id = ImportId }, Transaction, cancellationToken: cancellationToken)) == 0)
        {
            return [];
        }

        // Every pupil this import wrote a row of (ids are resolved just before a pupil's rows are written; a pupil
        // whose rows were all rejected has none and cannot clash through this import).
        await StagePupilIdsAsync(_pupilIds.Values, cancellationToken);
        var clashes = new List<SchoolClash>();
        foreach (var sql in new[] { SchoolClashSql.Lvs, SchoolClashSql.Outflow })
        {
            var rows = await Connection.QueryAsync<SchoolClashRow>(new CommandDefinition(
                sql, new { id = ImportId }, Transaction, commandTimeout: 0, cancellationToken: cancellationToken));
            clashes.AddRange(rows.Select(r => new SchoolClash(r.PupilKey, r.SchoolYear, r.Moment, r.Brin, r.Vestiging, r.ImportId)));
        }

        return clashes;
    }

    /// <summary>Fills the connection's temporary <c>import_pupil (pupil_id)</c> table with the import's pupils.</summary>
    protected abstract Task StagePupilIdsAsync(IReadOnlyCollection<int> pupilIds, CancellationToken cancellationToken);

    protected DbCommand Prepare(string sql, params (string Name, Type Type)[] parameters)
    {
        var command = Connection.CreateCommand();
        command.Transaction = Transaction;
        command.CommandText = sql;
        foreach (var (name, _) in parameters)
        {
            var p = command.CreateParameter();
            p.ParameterName = "@" + name;
            command.Parameters.Add(p);
        }

        return command;
    }

    protected static void Set(DbCommand command, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i] ?? DBNull.Value;
        }
    }

    public virtual async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (!_done)
        {
            try
            {
                await Transaction.RollbackAsync(CancellationToken.None);
            }
            catch (Exception e) when (e is DbException or InvalidOperationException)
            {
                // The connection is gone (killed call, lost server): the database rolls the transaction back itself.
            }
        }

        if (_outflow is not null)
        {
            await _outflow.DisposeAsync();
        }

        await Transaction.DisposeAsync();
        await Connection.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
