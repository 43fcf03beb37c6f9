using Dapper;
using Npgsql;

namespace Uitstroom.Fault.Tests.Processes;

/// <summary>What the store holds, counted: equal fingerprints before and after a fault mean nothing was stored.</summary>
public sealed record StoreFingerprint(long LvsRows, long LvsWithoutUniform, long OutflowRows, long Imports, long Generations);

/// <summary>
/// A new, empty PostgreSQL database in the cluster named by UITSTROOM_TEST_POSTGRES (test.sh starts one; by hand:
/// scripts/postgres.sh start DIR 55432 and export what it prints). Dropped afterwards.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly string _admin;
    private readonly string _name;

    private TestDatabase(string admin, string name)
    {
        _admin = admin;
        _name = name;
        ConnectionString = new NpgsqlConnectionStringBuilder(admin) { Database = name, Pooling = false }.ConnectionString;
    }

    public string ConnectionString { get; }

    public static async Task<TestDatabase> CreateAsync()
    {
        var admin = Environment.GetEnvironmentVariable("UITSTROOM_TEST_POSTGRES");
        if (string.IsNullOrWhiteSpace(admin))
        {
            throw new InvalidOperationException(
                "UITSTROOM_TEST_POSTGRES is not set: run ./test.sh, or start a cluster with scripts/postgres.sh and export it");
        }

        var name = $"f_{Guid.NewGuid():N}";
        await using var connection = new NpgsqlConnection(admin);
        await connection.OpenAsync();
        await connection.ExecuteAsync($"CREATE DATABASE {name}");
        return new TestDatabase(admin, name);
    }

    public async Task<StoreFingerprint> FingerprintAsync()
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        return await connection.QuerySingleAsync<StoreFingerprint>(
            """
            SELECT (SELECT COUNT(*) FROM lvs_result) AS LvsRows,
                   (SELECT COUNT(*) FROM lvs_result WHERE uniform IS NULL) AS LvsWithoutUniform,
                   (SELECT COUNT(*) FROM outflow_result) AS OutflowRows,
                   (SELECT COUNT(*) FROM import_audit) AS Imports,
                   CAST((SELECT COALESCE(SUM(generation), 0) FROM board_generation) AS BIGINT) AS Generations
            """);
    }

    public async ValueTask DisposeAsync()
    {
        await using var connection = new NpgsqlConnection(_admin);
        await connection.OpenAsync();
        await connection.ExecuteAsync($"DROP DATABASE IF EXISTS {_name} WITH (FORCE)");
    }
}
