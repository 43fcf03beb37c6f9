using Grpc.Core;
using Npgsql;
using Uitstroom.Contracts.Ingest.V1;
using PublicDataClient = Uitstroom.Contracts.Ingest.V1.PublicData.PublicDataClient;

namespace Uitstroom.Service.Tests.PublicData;

/// <summary>
/// The same imports against PostgreSQL (UITSTROOM_TEST_POSTGRES, started by test.sh): one schema, one set of
/// repositories for both stores. A fresh database per test class, dropped afterwards.
/// </summary>
public sealed class PublicDataPostgresTests : IAsyncLifetime
{
    private readonly string _database = $"uitstroom_public_{Guid.NewGuid():N}";
    private string _server = "";

    private string ConnectionString => new NpgsqlConnectionStringBuilder(_server) { Database = _database }.ToString();

    public async Task InitializeAsync()
    {
        _server = Environment.GetEnvironmentVariable("UITSTROOM_TEST_POSTGRES")
                  ?? throw new InvalidOperationException("UITSTROOM_TEST_POSTGRES is not set: run the tests with ./test.sh, or start scripts/postgres.sh and export it");
        await using var c = new NpgsqlConnection(_server);
        await c.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE {_database}", c);
        await create.ExecuteNonQueryAsync();
    }

    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var c = new NpgsqlConnection(_server);
        await c.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_database} WITH (FORCE)", c);
        await drop.ExecuteNonQueryAsync();
    }

    [Fact]
    public async Task On_PostgreSQL_the_public_files_import_idempotently_and_a_board_reads_back()
    {
        await using var host = new ServiceHost<IngestProgram>(new Dictionary<string, string?> { ["ConnectionStrings:store"] = ConnectionString });
        using var channel = host.Channel();
        var client = new PublicDataClient(channel);

        foreach (var file in PublicFiles.All)
        {
            (await PublicFiles.ImportAsync(client, file)).Rejected.ShouldBeEmpty();
        }

        var first = await CountsAsync();
        foreach (var file in PublicFiles.All)
        {
            await PublicFiles.ImportAsync(client, file);
        }

        (await CountsAsync()).ShouldBe(first);
        var board = await client.GetPublishedResultsAsync(new GetPublishedResultsRequest { Bgnr = "41565" });
        board.Schools.Count.ShouldBe(31);
        board.LatestSchoolYear.ShouldBe("2024-2025");
        var masked = await client.GetPublishedResultsAsync(new GetPublishedResultsRequest { Ovt = "00CV|C1" });
        masked.Schools.Single().Years.ShouldAllBe(y => y.Status == PublishedYearStatus.Masked);
        var error = await Should.ThrowAsync<RpcException>(async () =>
            await client.GetPublishedResultsAsync(new GetPublishedResultsRequest { Bgnr = "99999" }));
        error.StatusCode.ShouldBe(StatusCode.NotFound);
    }

    private async Task<long[]> CountsAsync()
    {
        await using var c = new NpgsqlConnection(ConnectionString);
        await c.OpenAsync();
        var counts = new List<long>();
        foreach (var table in new[] { "board", "school", "inspectie_school", "schoolweging_year", "published_year", "published_judgement", "duo_level_count" })
        {
            await using var q = new NpgsqlCommand($"SELECT COUNT(*) FROM {table}", c);
            counts.Add((long)(await q.ExecuteScalarAsync())!);
        }

        return [.. counts];
    }
}
