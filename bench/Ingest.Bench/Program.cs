using System.Diagnostics;
using Grpc.Core;
using Grpc.Net.Client;
using Npgsql;
using Uitstroom.Contracts.Ingest.V1;
using Uitstroom.Ingest.Bench;
using Uitstroom.Ingest.Parsing;

// Usage: dotnet run -c Release --project bench/Ingest.Bench -- [rows=1000000] [--sqlite-only] [--import-only] [--parse-only] [--warm] [--by-school]
// --by-school: the file holds each school's pupils together, as a school's own export does; without it consecutive
// pupils are at different schools (a file merged row by row from many schools, the harder order for the store).
// The store floor follows the same order, so the import is always compared with the floor of its own file.
// --warm: the service first imports 20,000 rows of other pupils, so the measured import meets a running service (code
// compiled, a store that already holds pupils) instead of one just started on an empty store.
// --import-only skips the parse and calibration phases (the 5M-row peak-memory run: -- 5000000 --sqlite-only --import-only).
// PostgreSQL runs when UITSTROOM_TEST_POSTGRES names a cluster (scripts/postgres.sh start DIR PORT prints one).
var rows = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal)) is { } n ? long.Parse(n) : 1_000_000;
var sqliteOnly = args.Contains("--sqlite-only");
var importOnly = args.Contains("--import-only");
var parseOnly = args.Contains("--parse-only");
var warm = args.Contains("--warm");
var bySchool = args.Contains("--by-school");
var work = Directory.CreateTempSubdirectory("uitstroom-bench-");
try
{
    var lvs = Path.Combine(work.FullName, "lvs.csv");
    var schools = Path.Combine(work.FullName, "scholen.csv");
    var sw = Stopwatch.StartNew();
    LvsFileGenerator.WriteSchools(schools);
    LvsFileGenerator.WriteLvs(lvs, rows, bySchool: bySchool);
    Console.WriteLine($"generated {rows:N0} LVS rows ({new FileInfo(lvs).Length / 1e6:N0} MB; {(bySchool ? "each school's pupils together" : "consecutive pupils at different schools")}) in {sw.Elapsed.TotalSeconds:N1} s");

    // Parsing alone: decode, split, check every field, build the domain record.
    for (var round = 0; round < (importOnly ? 0 : parseOnly ? 4 : 2); round++)
    {
        sw.Restart();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        long parsed = 0;
        using (var table = CsvTable.Open(lvs))
        {
            foreach (var row in new LvsCsvParser(table).Rows())
            {
                parsed += row.Value is null ? 0 : 1;
            }
        }

        var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
        Console.WriteLine($"parse{(round == 0 ? " (cold)" : "")}: {parsed:N0} rows in {sw.Elapsed.TotalSeconds:N2} s = {parsed / sw.Elapsed.TotalSeconds:N0} rows/s ({parsed / cpuSeconds:N0} rows per CPU second)");
    }

    if (parseOnly)
    {
        return;
    }

    // Calibration under the machine's current load, three yardsticks on the same SQLite settings (WAL, synchronous
    // NORMAL, one transaction, a statement prepared once and reused), slowest to fastest:
    //  - "store floor": the import's own row (17 columns, pupil_id key) through SQLitePCL's raw API into a table
    //    shaped like lvs_result (migration 0005: primary key and the by-school index), pupils in ascending order:
    //    the store stage alone, without gRPC, parsing, keys or checks; the most an import can reach here.
    //  - "same width": the import's row width through ADO.NET parameters into a table without any key or index.
    //  - "narrow": four columns through ADO.NET into a table without any key, what platform-notes.md measures
    //    (~550k rows/s on an idle machine).
    if (!importOnly)
    {
        Calibrate("store floor: raw API, lvs_result's shape and keys", Path.Combine(work.FullName, "floor.db"), file => StoreFloor(file, rows, bySchool), rows);
        Calibrate("same width, ADO.NET, unindexed", Path.Combine(work.FullName, "raw.db"), file => RawSqliteInsert(file, rows), rows);
        Calibrate("narrow (4 columns), ADO.NET, unindexed", Path.Combine(work.FullName, "narrow.db"), file => NarrowInsert(file, rows), rows);
    }

    var sqliteFile = Path.Combine(work.FullName, "bench.db");
    await EndToEndAsync("SQLite", $"Data Source={sqliteFile}", schools, lvs, rows, work.FullName, warm);

    if (!sqliteOnly && Environment.GetEnvironmentVariable("UITSTROOM_TEST_POSTGRES") is { Length: > 0 } admin)
    {
        var database = $"bench_{Guid.NewGuid():N}";
        await using (var c = new NpgsqlConnection(admin))
        {
            await c.OpenAsync();
            await new NpgsqlCommand($"CREATE DATABASE {database}", c).ExecuteNonQueryAsync();
        }

        try
        {
            await EndToEndAsync("PostgreSQL", new NpgsqlConnectionStringBuilder(admin) { Database = database }.ConnectionString, schools, lvs, rows, work.FullName, warm);
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await using var c = new NpgsqlConnection(admin);
            await c.OpenAsync();
            await new NpgsqlCommand($"DROP DATABASE IF EXISTS {database} WITH (FORCE)", c).ExecuteNonQueryAsync();
        }
    }
    else if (!sqliteOnly)
    {
        Console.WriteLine("PostgreSQL: skipped (set UITSTROOM_TEST_POSTGRES)");
    }

    Console.WriteLine($"peak working set of the benchmark process (generator, parser runs, client): {Process.GetCurrentProcess().PeakWorkingSet64 / 1e6:N0} MB");
}
finally
{
    Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    work.Delete(recursive: true);
}

static async Task EndToEndAsync(string name, string connectionString, string schools, string lvs, long rows, string dataFolder, bool warm)
{
    await using var server = await IngestServer.StartAsync(connectionString, dataFolder);
    using var channel = GrpcChannel.ForAddress(server.Address, new GrpcChannelOptions { HttpHandler = Uitstroom.Tests.TestKeys.Handler(new SocketsHttpHandler()) });
    var client = new Imports.ImportsClient(channel);
    var registry = await SendAsync(client, schools);
    if (registry.Outcome != "committed")
    {
        throw new InvalidOperationException($"schools import: {registry.Outcome} {registry.Error}");
    }

    if (warm)
    {
        var first = Path.Combine(dataFolder, "lvs-warm.csv");
        LvsFileGenerator.WriteLvs(first, 20_000, firstPupil: 200_000_000);
        var warmed = await SendAsync(client, first);
        Console.WriteLine($"{name}: warmed with {warmed.RowsAccepted:N0} rows of other pupils ({warmed.Outcome})");
        File.Delete(first);
        name += " (running service, store not empty)";
    }

    var sw = Stopwatch.StartNew();
    var cpu = server.CpuTime();
    var report = await SendAsync(client, lvs);
    var seconds = sw.Elapsed.TotalSeconds;
    var cpuSeconds = (server.CpuTime() - cpu).TotalSeconds;
    Console.WriteLine($"{name} end to end over gRPC (loopback Kestrel, Ingest in its own process): {report.RowsAccepted:N0} of {rows:N0} rows {report.Outcome} in {seconds:N2} s = {report.RowsAccepted / seconds:N0} rows/s ({report.RowsRejected} rejected); Ingest used {cpuSeconds:N1} CPU s = {report.RowsAccepted / cpuSeconds:N0} rows per CPU second; Ingest peak resident memory {server.PeakResidentBytes() / 1e6:N0} MB");

    // A further tenth of new pupils into the filled store: the everyday import (staging and upsert on PostgreSQL,
    // and the store-wide "pupil in two schools" query, which a first load skips).
    var more = Path.Combine(dataFolder, "lvs-more.csv");
    LvsFileGenerator.WriteLvs(more, rows / 10, firstPupil: 100_000_000);
    sw.Restart();
    cpu = server.CpuTime();
    var added = await SendAsync(client, more);
    cpuSeconds = (server.CpuTime() - cpu).TotalSeconds;
    Console.WriteLine($"{name} a further {added.RowsAccepted:N0} rows of new pupils into the filled store: {added.Outcome} in {sw.Elapsed.TotalSeconds:N2} s = {added.RowsAccepted / sw.Elapsed.TotalSeconds:N0} rows/s; {cpuSeconds:N1} CPU s = {added.RowsAccepted / cpuSeconds:N0} rows per CPU second");
    File.Delete(more);

    // The same file again: every row is already stored, so the import must report "unchanged".
    sw.Restart();
    cpu = server.CpuTime();
    var again = await SendAsync(client, lvs);
    cpuSeconds = (server.CpuTime() - cpu).TotalSeconds;
    Console.WriteLine($"{name} re-import of the same file: {again.Outcome}, {again.RowsChanged:N0} changed, in {sw.Elapsed.TotalSeconds:N2} s = {again.RowsAccepted / sw.Elapsed.TotalSeconds:N0} rows/s; {cpuSeconds:N1} CPU s");
}

static void Calibrate(string name, string file, Action<string> insert, long rows)
{
    var sw = Stopwatch.StartNew();
    var cpu = Process.GetCurrentProcess().TotalProcessorTime;
    insert(file);
    var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
    Console.WriteLine($"SQLite insert ({name}): {rows / sw.Elapsed.TotalSeconds:N0} rows/s ({rows / cpuSeconds:N0} rows per CPU second)");

    // Deleted at once: left on disk, the yardsticks' few hundred MB were written back while the import that follows
    // was measured (a full run's import was 10–20% slower than an --import-only run of the same file).
    Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    foreach (var part in (string[])[file, file + "-wal", file + "-shm"])
    {
        File.Delete(part);
    }
}

static void NarrowInsert(string file, long rows)
{
    using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={file}");
    connection.Open();
    using (var setup = connection.CreateCommand())
    {
        setup.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; CREATE TABLE t (a INTEGER, b INTEGER, c TEXT, d REAL)";
        setup.ExecuteNonQuery();
    }

    using var tx = connection.BeginTransaction();
    using var insert = connection.CreateCommand();
    insert.Transaction = tx;
    insert.CommandText = "INSERT INTO t VALUES (@a, @b, @c, @d)";
    var a = insert.Parameters.Add(new Microsoft.Data.Sqlite.SqliteParameter("@a", null));
    var b = insert.Parameters.Add(new Microsoft.Data.Sqlite.SqliteParameter("@b", 2025));
    var c = insert.Parameters.Add(new Microsoft.Data.Sqlite.SqliteParameter("@c", "rekenen"));
    var d = insert.Parameters.Add(new Microsoft.Data.Sqlite.SqliteParameter("@d", null));
    insert.Prepare();
    for (long r = 0; r < rows; r++)
    {
        a.Value = r;
        d.Value = 200.0 + r % 100;
        insert.ExecuteNonQuery();
    }

    tx.Commit();
}

static void StoreFloor(string file, long rows, bool bySchool)
{
    using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={file}");
    connection.Open();
    using (var setup = connection.CreateCommand())
    {
        // As migration 0005 leaves lvs_result (abridged comments), with the import's page cache.
        setup.CommandText = """
            PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA cache_size = -32768;
            CREATE TABLE lvs_result (pupil_id INTEGER NOT NULL, school_year INTEGER NOT NULL, moment TEXT NOT NULL, subject TEXT NOT NULL,
                brin TEXT NOT NULL, vestiging INTEGER NOT NULL, groep INTEGER NOT NULL, provider TEXT NOT NULL, score DOUBLE PRECISION NOT NULL,
                percentile DOUBLE PRECISION, niveau TEXT, reported_level TEXT, taken_on TEXT, effective_date TEXT NOT NULL,
                uniform DOUBLE PRECISION, norm_version INTEGER, import_id BIGINT NOT NULL,
                PRIMARY KEY (pupil_id, school_year, moment, subject));
            CREATE INDEX lvs_result_by_school ON lvs_result (brin, vestiging, effective_date);
            """;
        setup.ExecuteNonQuery();
    }

    using var tx = connection.BeginTransaction();
    var db = connection.Handle!;
    SQLitePCL.raw.sqlite3_prepare_v2(db, "INSERT INTO lvs_result VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)", out var s);
    // The generated file's values, encoded once: 18 rows a pupil (6 moments × 3 subjects), 600 schools in the file's
    // order, the school year and day each pupil sits each moment in.
    var text = System.Text.Encoding.UTF8;
    var subjects = LvsFileGenerator.SubjectNames.Select(text.GetBytes).ToArray();
    var moments = LvsFileGenerator.Moments.Select(text.GetBytes).ToArray();
    var brins = Enumerable.Range(0, LvsFileGenerator.Schools).Select(b => text.GetBytes(LvsFileGenerator.Brin(b))).ToArray();
    var m = LvsFileGenerator.Moments.Length;
    var sittings = Enumerable.Range(0, LvsFileGenerator.Cohorts * m)
        .Select(k => LvsFileGenerator.Sitting(k / m, k % m)).Select(x => (x.Year, Date: text.GetBytes(x.Date))).ToArray();
    var pupils = LvsFileGenerator.PupilsIn(rows);
    for (long r = 0; r < rows; r++)
    {
        var (pupil, moment, subject) = LvsFileGenerator.Position(r);
        var (year, date) = sittings[(pupil % LvsFileGenerator.Cohorts * m) + moment];
        SQLitePCL.raw.sqlite3_bind_int64(s, 1, pupil + 1);
        SQLitePCL.raw.sqlite3_bind_int(s, 2, year);
        SQLitePCL.raw.sqlite3_bind_text(s, 3, moments[moment]);
        SQLitePCL.raw.sqlite3_bind_text(s, 4, subjects[subject]);
        SQLitePCL.raw.sqlite3_bind_text(s, 5, brins[LvsFileGenerator.SchoolOf(pupil, pupils, bySchool)]);
        SQLitePCL.raw.sqlite3_bind_int(s, 6, 0);
        SQLitePCL.raw.sqlite3_bind_int(s, 7, 6);
        SQLitePCL.raw.sqlite3_bind_text(s, 8, "CITO"u8);
        SQLitePCL.raw.sqlite3_bind_double(s, 9, 231.5);
        SQLitePCL.raw.sqlite3_bind_double(s, 10, 55.0);
        SQLitePCL.raw.sqlite3_bind_text(s, 11, "III"u8);
        SQLitePCL.raw.sqlite3_bind_null(s, 12);
        SQLitePCL.raw.sqlite3_bind_text(s, 13, date);
        SQLitePCL.raw.sqlite3_bind_text(s, 14, date);
        SQLitePCL.raw.sqlite3_bind_null(s, 15);
        SQLitePCL.raw.sqlite3_bind_null(s, 16);
        SQLitePCL.raw.sqlite3_bind_int64(s, 17, 1);
        if (SQLitePCL.raw.sqlite3_step(s) != SQLitePCL.raw.SQLITE_DONE)
        {
            throw new InvalidOperationException(SQLitePCL.raw.sqlite3_errmsg(db).utf8_to_string());
        }

        SQLitePCL.raw.sqlite3_reset(s);
    }

    SQLitePCL.raw.sqlite3_finalize(s);
    tx.Commit();
}

static void RawSqliteInsert(string file, long rows)
{
    using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={file}");
    connection.Open();
    using (var setup = connection.CreateCommand())
    {
        setup.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; CREATE TABLE t (a TEXT, b INTEGER, c TEXT, d TEXT, e TEXT, f INTEGER, g INTEGER, h TEXT, i REAL, j REAL, k TEXT, l TEXT, m TEXT, n TEXT, o REAL, p INTEGER, q INTEGER)";
        setup.ExecuteNonQuery();
    }

    using var tx = connection.BeginTransaction();
    using var insert = connection.CreateCommand();
    insert.Transaction = tx;
    insert.CommandText = "INSERT INTO t VALUES (@a,@b,@c,@d,@e,@f,@g,@h,@i,@j,@k,@l,@m,@n,@o,@p,@q)";
    var parameters = "abcdefghijklmnopq".Select(ch => insert.Parameters.Add(new Microsoft.Data.Sqlite.SqliteParameter("@" + ch, null))).ToArray();
    insert.Prepare();
    for (long r = 0; r < rows; r++)
    {
        parameters[0].Value = $"{r:x32}";
        parameters[1].Value = 2025;
        parameters[2].Value = "M6";
        parameters[3].Value = "rekenen";
        parameters[4].Value = "00AP";
        parameters[5].Value = 0;
        parameters[6].Value = 6;
        parameters[7].Value = "CITO";
        parameters[8].Value = 231.5;
        parameters[9].Value = 55.0;
        parameters[10].Value = "III";
        parameters[11].Value = DBNull.Value;
        parameters[12].Value = "2026-01-28";
        parameters[13].Value = "2026-01-28";
        parameters[14].Value = DBNull.Value;
        parameters[15].Value = DBNull.Value;
        parameters[16].Value = 1L;
        insert.ExecuteNonQuery();
    }

    tx.Commit();
}

static async Task<ImportReport> SendAsync(Imports.ImportsClient client, string path)
{
    var sw = Stopwatch.StartNew();
    using var call = client.Import();
    await call.RequestStream.WriteAsync(new ImportRequest { Start = new ImportStart { FileName = Path.GetFileName(path), RequestedBy = "bench" } });
    await using (var file = File.OpenRead(path))
    {
        var buffer = new byte[1 << 20];
        int read;
        while ((read = await file.ReadAsync(buffer)) > 0)
        {
            await call.RequestStream.WriteAsync(new ImportRequest { Chunk = Google.Protobuf.ByteString.CopyFrom(buffer, 0, read) });
        }
    }

    await call.RequestStream.CompleteAsync();
    Console.WriteLine($"  upload sent after {sw.Elapsed.TotalSeconds:N2} s");
    ImportReport? report = null;
    var firstImport = true;
    await foreach (var e in call.ResponseStream.ReadAllAsync())
    {
        if (firstImport && e.Progress is { Stage: "import" })
        {
            firstImport = false;
            Console.WriteLine($"  first import progress after {sw.Elapsed.TotalSeconds:N2} s");
        }

        if (e.EventCase == ImportEvent.EventOneofCase.Report)
        {
            report = e.Report;
        }
    }

    return report ?? throw new InvalidOperationException("no report");
}
