using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Uitstroom.Contracts.Predict.V1;
using Uitstroom.Domain.Vocabulary;
using Uitstroom.Predict.Snapshots;

namespace Uitstroom.Predict.Tests.Snapshots;

/// <summary>The snapshot tables on both stores: migrations run twice, a moment written twice is replaced, not doubled.</summary>
public sealed class SnapshotStoreTests
{
    public static TheoryData<string> Kinds => new() { "sqlite", "postgres" };

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Writing_the_same_board_moment_and_model_again_replaces_the_snapshot(string kind)
    {
        var (connectionString, cleanUp) = await Create(kind);
        try
        {
            using var connections = new SnapshotConnections(connectionString);
            var migrations = new SnapshotMigrations(connections, NullLogger<SnapshotMigrations>.Instance);
            await migrations.MigrateAsync(CancellationToken.None);
            await migrations.MigrateAsync(CancellationToken.None);
            var store = new SnapshotStore(connections);
            var moment = ForecastMoment.Parse(2025, "M");
            var header = new SnapshotHeader("90001", moment, "v1", new DateOnly(2026, 2, 22), SnapshotOrigin.Live, DateTimeOffset.UtcNow, 3);

            await store.SaveAsync(header, [School("90AA", 0.10), School("90AB", 0.60)], CancellationToken.None);
            await store.SaveAsync(header with { Generation = 4 }, [School("90AA", 0.25), School("90AB", 0.70)], CancellationToken.None);
            await store.SaveAsync(header with { ModelVersion = "v0", Origin = SnapshotOrigin.Recomputed }, [School("90AA", 0.05)], CancellationToken.None);

            var headers = await store.HeadersAsync("90001", CancellationToken.None);
            headers.Count.ShouldBe(2);
            var live = headers.Single(h => h.ModelVersion == "v1");
            live.Schools.ShouldBe(2);
            live.Generation.ShouldBe(4);
            SnapshotSelection.OnePerMoment(headers).ShouldHaveSingleItem().ShouldBe(live);

            var one = await store.SchoolsAsync("90001", [live], SchoolId.Create("90AA", 0), CancellationToken.None);
            var school = one[live].ShouldHaveSingleItem();
            school.MaxProbabilityBelow.ShouldBe(0.25);
            school.Gaps.ShouldBeEmpty();
            school.Years.ShouldHaveSingleItem().Fundamental.Low80.ShouldBe(80);
            (await store.HeadersAsync("90002", CancellationToken.None)).ShouldBeEmpty();
        }
        finally
        {
            await cleanUp();
        }
    }

    private static SchoolForecastMessage School(string brin, double below) => new()
    {
        Brin = brin,
        Status = below >= 0.5 ? "rood" : "groen",
        MaxProbabilityBelow = below,
        Years = { new YearOutlookMessage { OutflowYear = 2025, Pupils = 20, Fundamental = new PercentRange { Expected = 90, Low80 = 80, High80 = 95 } } },
        Gaps = { new GapMessage { JudgementYear = 2025, Indicator = "1F", ExtraResults = 3 } },
    };

    private static async Task<(string ConnectionString, Func<Task> CleanUp)> Create(string kind)
    {
        if (kind == "sqlite")
        {
            var file = Path.Combine(Path.GetTempPath(), $"uitstroom-snapshots-{Guid.NewGuid():N}.db");
            return ($"Data Source={file}", () =>
            {
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                foreach (var f in new[] { file, file + "-wal", file + "-shm" })
                {
                    File.Delete(f);
                }

                return Task.CompletedTask;
            });
        }

        var admin = Environment.GetEnvironmentVariable("UITSTROOM_TEST_POSTGRES");
        if (string.IsNullOrWhiteSpace(admin))
        {
            throw new InvalidOperationException("UITSTROOM_TEST_POSTGRES is not set: run ./test.sh, or start a cluster with scripts/postgres.sh and export it");
        }

        var database = $"s_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {database}", connection);
            await create.ExecuteNonQueryAsync();
        }

        return (new NpgsqlConnectionStringBuilder(admin) { Database = database }.ConnectionString, async () =>
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(admin);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {database} WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        });
    }
}
