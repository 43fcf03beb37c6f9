using System.Data.Common;
using Uitstroom.Domain.Results;
using Uitstroom.Ingest.Importing;

namespace Uitstroom.Ingest.Store;

/// <summary>SQLite: one prepared upsert, its parameters rebound per row, inside the import's one transaction.</summary>
public sealed class SqliteImportBatch : ImportBatch
{
    private readonly DbCommand _lvs;
    private readonly DbParameter[] _p;

    public SqliteImportBatch(DbConnection connection, DbTransaction transaction, long importId)
        : base(connection, transaction, importId)
    {
        // A big import touches index pages all over the pupil-key index (keys are hashes, so random); a larger page
        // cache for this connection keeps them in memory until the commit instead of re-reading them.
        using (var pragma = connection.CreateCommand())
        {
            pragma.Transaction = transaction;
            pragma.CommandText = "PRAGMA cache_size = -131072";
            pragma.ExecuteNonQuery();
        }

        var columns = ResultSql.LvsKey.Concat(ResultSql.LvsValues).Append("import_id").ToArray();
        _lvs = Prepare(ResultSql.Upsert("lvs_result", ResultSql.LvsKey, ResultSql.LvsValues),
            [.. columns.Select(c => (c, typeof(object)))]);
        _lvs.Prepare();
        _p = [.. _lvs.Parameters.Cast<DbParameter>()];
    }

    public override async ValueTask WriteLvsAsync(string pupilKey, LvsResult r, Normalised? normalised, CancellationToken cancellationToken)
    {
        _p[0].Value = pupilKey;
        _p[1].Value = r.Year.StartYear;
        _p[2].Value = MomentCodes.Of(r.Moment);
        _p[3].Value = r.Subject.Code();
        _p[4].Value = r.School.Brin;
        _p[5].Value = r.School.Vestiging;
        _p[6].Value = r.Groep;
        _p[7].Value = r.Provider;
        _p[8].Value = r.Score;
        _p[9].Value = r.Percentile is { } p ? p : DBNull.Value;
        _p[10].Value = (object?)r.Niveau ?? DBNull.Value;
        _p[11].Value = (object?)r.ReportedLevel?.Code() ?? DBNull.Value;
        _p[12].Value = r.TakenOn is { } t ? Dates.Iso(t) : DBNull.Value;
        _p[13].Value = Dates.Iso(r.EffectiveDate);
        _p[14].Value = normalised is { } n ? n.Uniform : DBNull.Value;
        _p[15].Value = normalised is { } v ? v.TableVersion : DBNull.Value;
        _p[16].Value = ImportId;
        // SQLite runs in-process: the synchronous call avoids an async state machine per row with no I/O wait to gain.
        Changed += _lvs.ExecuteNonQuery();
        await ValueTask.CompletedTask;
        cancellationToken.ThrowIfCancellationRequested();
    }

    public override async ValueTask DisposeAsync()
    {
        await _lvs.DisposeAsync();
        await base.DisposeAsync();
    }
}

/// <summary>Text forms the store keeps: ISO dates sort and compare as text on both databases.</summary>
internal static class Dates
{
    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd");
}

/// <summary>The moment codes as stored ("M5", "B8"), cached: TestMoment.ToString allocates.</summary>
internal static class MomentCodes
{
    private static readonly Dictionary<TestMoment, string> Codes = TestMoment.All.ToDictionary(m => m, m => m.ToString());

    public static string Of(TestMoment moment) => Codes[moment];
}
