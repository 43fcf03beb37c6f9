using Dapper;
using Grpc.Core;
using Npgsql;
using Uitstroom.Contracts.Ingest.V1;
using Uitstroom.Ingest.Store;

namespace Uitstroom.Service.Tests.Ingest;

/// <summary>
/// A fresh, empty store of either kind for one test: a SQLite file, or a new database in the PostgreSQL cluster
/// named by UITSTROOM_TEST_POSTGRES (test.sh starts one). The same repository tests run against both.
/// </summary>
public sealed class TestStore : IAsyncDisposable
{
    public const string Sqlite = "sqlite";
    public const string Postgres = "postgres";

    public static TheoryData<string> Kinds => [Sqlite, Postgres];

    private readonly TempSqlite? _sqlite;
    private readonly string? _database;
    private readonly string? _admin;

    private TestStore(string connectionString, TempSqlite? sqlite, string? database, string? admin)
    {
        ConnectionString = connectionString;
        _sqlite = sqlite;
        _database = database;
        _admin = admin;
        Factory = StoreConnectionFactory.Create(connectionString);
    }

    public string ConnectionString { get; }

    public StoreConnectionFactory Factory { get; }

    public static async Task<TestStore> CreateAsync(string kind)
    {
        if (kind == Sqlite)
        {
            var file = new TempSqlite();
            return new TestStore(file.ConnectionString, file, null, null);
        }

        var admin = Environment.GetEnvironmentVariable("UITSTROOM_TEST_POSTGRES");
        if (string.IsNullOrWhiteSpace(admin))
        {
            throw new InvalidOperationException("UITSTROOM_TEST_POSTGRES is not set: run ./test.sh, or start a cluster with scripts/postgres.sh and export it");
        }

        var database = $"t_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await connection.ExecuteAsync($"CREATE DATABASE {database}");
        }

        var builder = new NpgsqlConnectionStringBuilder(admin) { Database = database };
        return new TestStore(builder.ConnectionString, null, database, admin);
    }

    public ServiceHost<IngestProgram> Host(IReadOnlyDictionary<string, string?>? settings = null) => new(new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>())
    {
        ["ConnectionStrings:store"] = ConnectionString,
        ["Uitstroom:PupilKeySecret"] = "test-secret-of-sufficient-length",
    });

    /// <summary>Every stored result row, in a fixed order, as text: equal dumps mean identical store contents.</summary>
    public async Task<string> DumpAsync()
    {
        await using var connection = await Factory.OpenAsync(CancellationToken.None);
        var lvs = await connection.QueryAsync<string>(
            """
            SELECT p.pupil_key || '|' || school_year || '|' || moment || '|' || subject || '|' || brin || '|' || vestiging || '|' ||
                   groep || '|' || provider || '|' || CAST(score AS TEXT) || '|' || COALESCE(CAST(percentile AS TEXT), '') || '|' ||
                   COALESCE(niveau, '') || '|' || COALESCE(taken_on, '') || '|' || import_id
            FROM lvs_result r JOIN pupil p ON p.pupil_id = r.pupil_id ORDER BY p.pupil_key, school_year, moment, subject
            """);
        var outflow = await connection.QueryAsync<string>(
            """
            SELECT p.pupil_key || '|' || school_year || '|' || subject || '|' || COALESCE(level, '-') || '|' || exempt
            FROM outflow_result r JOIN pupil p ON p.pupil_id = r.pupil_id ORDER BY p.pupil_key, school_year, subject
            """);
        return string.Join("\n", lvs.Concat(outflow));
    }

    public async Task<long> CountAsync(string table)
    {
        await using var connection = await Factory.OpenAsync(CancellationToken.None);
        return await connection.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM {table}");
    }

    public async ValueTask DisposeAsync()
    {
        _sqlite?.Dispose();
        if (_database is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(_admin);
            await connection.OpenAsync();
            await connection.ExecuteAsync($"DROP DATABASE IF EXISTS {_database} WITH (FORCE)");
        }
    }
}

/// <summary>Sends a file through the Import RPC the way the CLI does, and collects what comes back.</summary>
public static class ImportClient
{
    public sealed record Result(ImportReport Report, IReadOnlyList<RejectedRow> Rejected, int ProgressEvents);

    public static Task<Result> ImportAsync(this Grpc.Net.Client.GrpcChannel channel, string fileName, string text,
        bool strict = false, string board = "", System.Text.Encoding? encoding = null) =>
        channel.ImportAsync(fileName, (encoding ?? new System.Text.UTF8Encoding(false)).GetBytes(text), strict, board);

    public static async Task<Result> ImportAsync(this Grpc.Net.Client.GrpcChannel channel, string fileName, byte[] bytes,
        bool strict = false, string board = "", string schoolBrin = "")
    {
        // The one upload the process-level tests use too (tests/Stack/ImportUpload), collecting what comes back.
        var rejected = new List<RejectedRow>();
        var progress = 0;
        var report = await Uitstroom.Tests.Stack.ImportUpload.ImportAsync(
            channel.CreateCallInvoker(),
            new ImportStart { FileName = fileName, Strict = strict, Board = board, SchoolBrin = schoolBrin, RequestedBy = "tests" },
            bytes,
            e =>
            {
                switch (e.EventCase)
                {
                    case ImportEvent.EventOneofCase.Progress: progress++; break;
                    case ImportEvent.EventOneofCase.Rejected: rejected.AddRange(e.Rejected.Rows); break;
                }

                return Task.CompletedTask;
            });
        return new Result(report, rejected, progress);
    }
}

/// <summary>Small files the tests import; school 00AP vestiging 0 and 00AP vestiging 1 belong to board 41565.</summary>
public static class Files
{
    public const string Schools = """
        bestuur;brin;vestiging;naam;schoolweging
        41565;00AP;0;De Regenboog;31,47
        41565;00AP;1;De Regenboog dependance;30,10
        12345;01BC;0;Het Kompas;28,50
        """;

    public const string LvsHeader = "brin;vestiging;leerling_id;schooljaar;groep;toetsmoment;afnamedatum;aanbieder;vak;score;percentiel;niveau";

    public static string Lvs(params string[] rows) => LvsHeader + "\n" + string.Join("\n", rows) + "\n";

    public static readonly string[] ValidLvs =
    [
        "00AP;0;p1;2025-2026;6;M6;28-01-2026;CITO;rekenen;231,5;55;III",
        "00AP;0;p1;2025-2026;6;M6;28-01-2026;CITO;begrijpend lezen;228;48;III",
        "00AP;0;p2;2025-2026;6;M6;;CITO;spelling;240;70;II",
        "00AP;1;p3;2025-2026;7;E7;2026-06-02;IEP;rekenen-wiskunde;66;;",
    ];
}
