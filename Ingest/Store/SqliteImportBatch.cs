using System.Data.Common;
using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using SQLitePCL;
using Uitstroom.Domain.Results;
using Uitstroom.Ingest.Importing;

namespace Uitstroom.Ingest.Store;

/// <summary>
/// SQLite: one prepared upsert reused for every LVS row inside the import's one transaction. It is driven through
/// SQLitePCL's raw API (the same native handle Microsoft.Data.Sqlite opened, so the same transaction): binding by
/// position from UTF-8 spans halves the time per row against ADO.NET parameters, which look each parameter up by
/// name and box every value (docs/ingest-performance.md).
/// </summary>
public sealed class SqliteImportBatch : ImportBatch
{
    /// <summary>The page cache an import connection uses (KiB); SQLite's default is 2,000.</summary>
    public const int ImportCacheKiB = 32 * 1024;

    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _lvs;
    private bool _released;

    public SqliteImportBatch(SqliteConnection connection, DbTransaction transaction, long importId)
        : base(connection, transaction, importId)
    {
        _db = connection.Handle ?? throw new InvalidOperationException("the SQLite connection is not open");
        var sql = ResultSql.Upsert("lvs_result", ResultSql.LvsKey, ResultSql.LvsValues, positional: true);
        Check(raw.sqlite3_prepare_v2(_db, sql, out _lvs));
    }

    public override ValueTask WriteLvsAsync(string pupilKey, LvsResult r, Normalised? normalised, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (!TryPupilId(pupilKey, out var pupilId))
        {
            return WriteResolvingAsync(pupilKey, r, normalised, cancellationToken);
        }

        var s = _lvs;
        Span<byte> text = stackalloc byte[256];
        raw.sqlite3_bind_int(s, 1, pupilId);
        raw.sqlite3_bind_int(s, 2, r.Year.StartYear);
        Text(s, 3, MomentCodes.Of(r.Moment), text);
        Text(s, 4, r.Subject.Code(), text);
        Text(s, 5, r.School.Brin, text);
        raw.sqlite3_bind_int(s, 6, r.School.Vestiging);
        raw.sqlite3_bind_int(s, 7, r.Groep);
        Text(s, 8, r.Provider, text);
        raw.sqlite3_bind_double(s, 9, r.Score);
        _ = r.Percentile is { } p ? raw.sqlite3_bind_double(s, 10, p) : raw.sqlite3_bind_null(s, 10);
        Text(s, 11, r.Niveau, text);
        Text(s, 12, r.ReportedLevel?.Code(), text);
        Date(s, 13, r.TakenOn, text);
        Date(s, 14, r.EffectiveDate, text);
        _ = normalised is { } n ? raw.sqlite3_bind_double(s, 15, n.Uniform) : raw.sqlite3_bind_null(s, 15);
        _ = normalised is { } v ? raw.sqlite3_bind_int(s, 16, v.TableVersion) : raw.sqlite3_bind_null(s, 16);
        raw.sqlite3_bind_int64(s, 17, ImportId);
        var rc = raw.sqlite3_step(s);
        raw.sqlite3_reset(s);
        if (rc != raw.SQLITE_DONE)
        {
            Check(rc);
        }

        // An upsert whose WHERE finds nothing different changes no row: re-imports count as unchanged.
        Changed += raw.sqlite3_changes(_db);
        return ValueTask.CompletedTask;
    }

    protected override Task<IReadOnlyDictionary<string, int>> LookUpPupilsAsync(IReadOnlyList<string> pupilKeys, CancellationToken cancellationToken)
    {
        // In process, a prepared point lookup per new key costs what one set-based query would.
        var found = new Dictionary<string, int>(StringComparer.Ordinal);
        Check(raw.sqlite3_prepare_v2(_db, "SELECT pupil_id FROM pupil WHERE pupil_key = ?1", out var select));
        try
        {
            Span<byte> text = stackalloc byte[256];
            foreach (var key in pupilKeys)
            {
                cancellationToken.ThrowIfCancellationRequested();
                Text(select, 1, key, text);
                var rc = raw.sqlite3_step(select);
                if (rc == raw.SQLITE_ROW)
                {
                    found[key] = raw.sqlite3_column_int(select, 0);
                }
                else
                {
                    Check(rc);
                }

                raw.sqlite3_reset(select);
            }
        }
        finally
        {
            raw.sqlite3_finalize(select);
        }

        return Task.FromResult<IReadOnlyDictionary<string, int>>(found);
    }

    protected override Task AddPupilsAsync(IReadOnlyList<(int Id, string Key)> pupils, CancellationToken cancellationToken)
    {
        Check(raw.sqlite3_prepare_v2(_db, "INSERT INTO pupil (pupil_id, pupil_key) VALUES (?1, ?2)", out var insert));
        try
        {
            Span<byte> text = stackalloc byte[256];
            foreach (var (id, key) in pupils)
            {
                raw.sqlite3_bind_int(insert, 1, id);
                Text(insert, 2, key, text);
                Step(insert);
            }
        }
        finally
        {
            raw.sqlite3_finalize(insert);
        }

        return Task.CompletedTask;
    }

    protected override Task StagePupilIdsAsync(IReadOnlyCollection<int> pupilIds, CancellationToken cancellationToken)
    {
        // A pooled connection may still hold the table from an earlier import.
        Check(raw.sqlite3_exec(_db, "DROP TABLE IF EXISTS temp.import_pupil; CREATE TEMP TABLE import_pupil (pupil_id INTEGER PRIMARY KEY)"));
        Check(raw.sqlite3_prepare_v2(_db, "INSERT INTO temp.import_pupil (pupil_id) VALUES (?1)", out var insert));
        try
        {
            foreach (var id in pupilIds)
            {
                cancellationToken.ThrowIfCancellationRequested();
                raw.sqlite3_bind_int(insert, 1, id);
                Step(insert);
            }
        }
        finally
        {
            raw.sqlite3_finalize(insert);
        }

        return Task.CompletedTask;
    }

    private void Step(sqlite3_stmt statement)
    {
        var rc = raw.sqlite3_step(statement);
        raw.sqlite3_reset(statement);
        if (rc != raw.SQLITE_DONE)
        {
            Check(rc);
        }
    }

    private static void Text(sqlite3_stmt s, int index, string? value, Span<byte> buffer)
    {
        if (value is null)
        {
            raw.sqlite3_bind_null(s, index);
            return;
        }

        // Every stored text is short (keys, codes, dates); a longer one is encoded on the heap.
        var bytes = value.Length * 3 <= buffer.Length ? buffer[..Encoding.UTF8.GetBytes(value, buffer)] : Encoding.UTF8.GetBytes(value);
        raw.sqlite3_bind_text(s, index, bytes);
    }

    private static void Date(sqlite3_stmt s, int index, DateOnly? value, Span<byte> buffer)
    {
        if (value is not { } d)
        {
            raw.sqlite3_bind_null(s, index);
            return;
        }

        d.TryFormat(buffer, out var written, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        raw.sqlite3_bind_text(s, index, buffer[..written]);
    }

    private void Check(int rc)
    {
        if (rc is not (raw.SQLITE_OK or raw.SQLITE_DONE or raw.SQLITE_ROW))
        {
            throw new SqliteException($"SQLite error {rc}: {raw.sqlite3_errmsg(_db).utf8_to_string()}", rc);
        }
    }

    public override async ValueTask DisposeAsync()
    {
        // Disposed twice on the strict path (explicitly, then by its using): by the second time the native handle
        // may already serve another pooled connection's caller, so it must not be touched again.
        if (_released)
        {
            return;
        }

        _released = true;
        raw.sqlite3_finalize(_lvs);
        // The connection returns to the pool: give back the import's page cache and its pupil list.
        raw.sqlite3_exec(_db, "PRAGMA cache_size = -2000");
        raw.sqlite3_exec(_db, "DROP TABLE IF EXISTS temp.import_pupil");
        await base.DisposeAsync();
    }
}

/// <summary>Text forms the store keeps: ISO dates sort and compare as text on both databases.</summary>
internal static class Dates
{
    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

/// <summary>The moment codes as stored ("M5", "B8"), cached: TestMoment.ToString allocates.</summary>
internal static class MomentCodes
{
    private static readonly Dictionary<TestMoment, string> Codes = TestMoment.All.ToDictionary(m => m, m => m.ToString());

    public static string Of(TestMoment moment) => Codes[moment];
}
