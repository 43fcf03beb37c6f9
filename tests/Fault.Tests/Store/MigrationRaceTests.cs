using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Uitstroom.Fault.Tests.Processes;
using Uitstroom.Ingest.Store;

namespace Uitstroom.Fault.Tests.Store;

/// <summary>
/// Two Ingest replicas starting together on an empty store both run the migration runner. Without a lock both
/// would apply 0001 and the second would fail on "relation already exists"; with it, one migrates and the other
/// finds the work done.
/// </summary>
public class MigrationRaceTests
{
    private const int Runners = 4;

    [Fact]
    public async Task Runners_started_together_on_an_empty_PostgreSQL_database_leave_one_schema_and_no_error()
    {
        // A few fresh databases: a race that only sometimes loses must not pass by luck.
        for (var round = 0; round < 3; round++)
        {
            await using var database = await TestDatabase.CreateAsync();
            // One factory (one connection pool) per runner, as separate replicas have.
            var factories = Enumerable.Range(0, Runners).Select(_ => StoreConnectionFactory.Create(database.ConnectionString)).ToList();
            using var go = new ManualResetEventSlim();
            var runs = factories.Select(f => Task.Run(async () =>
            {
                go.Wait();
                await MigrationRunner.MigrateAsync(f, NullLogger.Instance, CancellationToken.None);
            })).ToList();
            go.Set();

            await Task.WhenAll(runs);

            await using var connection = new NpgsqlConnection(database.ConnectionString);
            var versions = (await connection.QueryAsync<int>("SELECT version FROM schema_version ORDER BY version")).ToList();
            versions.ShouldBe(Enumerable.Range(1, versions.Count).ToList(), "each migration recorded once, none skipped");
            versions.Count.ShouldBeGreaterThanOrEqualTo(4);
            (await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM pg_tables WHERE tablename = 'lvs_result'")).ShouldBe(1);
        }
    }

    [Fact]
    public async Task Runners_started_together_on_an_empty_SQLite_file_leave_one_schema_and_no_error()
    {
        var folder = Directory.CreateTempSubdirectory("uitstroom-migrate-");
        try
        {
            var file = Path.Combine(folder.FullName, "store.db");
            var factories = Enumerable.Range(0, Runners).Select(_ => StoreConnectionFactory.Create($"Data Source={file}")).ToList();
            using var go = new ManualResetEventSlim();
            var runs = factories.Select(f => Task.Run(async () =>
            {
                go.Wait();
                await MigrationRunner.MigrateAsync(f, NullLogger.Instance, CancellationToken.None);
            })).ToList();
            go.Set();

            await Task.WhenAll(runs);

            await using var connection = await factories[0].OpenAsync(CancellationToken.None);
            var versions = (await connection.QueryAsync<int>("SELECT version FROM schema_version ORDER BY version")).ToList();
            versions.ShouldBe(Enumerable.Range(1, versions.Count).ToList());
            versions.Count.ShouldBeGreaterThanOrEqualTo(4);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }
}
