using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Uitstroom.Ingest.Store;

public enum StoreKind
{
    Sqlite,
    PostgreSql,
}

/// <summary>
/// Opens connections to the store named by <c>ConnectionStrings:store</c>: SQLite (a file, the embedded default)
/// or PostgreSQL (any connection string with <c>Host=</c>). Everything above this class is the same for both.
/// </summary>
public sealed class StoreConnectionFactory
{
    public const string ConnectionName = "store";

    private readonly NpgsqlDataSource? _postgres;

    private StoreConnectionFactory(StoreKind kind, string connectionString)
    {
        Kind = kind;
        ConnectionString = connectionString;
        if (kind == StoreKind.PostgreSql)
        {
            _postgres = NpgsqlDataSource.Create(connectionString);
        }
    }

    public StoreKind Kind { get; }

    public string ConnectionString { get; }

    public static StoreConnectionFactory FromConfiguration(IConfiguration configuration)
    {
        var cs = configuration.GetConnectionString(ConnectionName)
                 ?? throw new InvalidOperationException(
                     $"ConnectionStrings:{ConnectionName} is not set: give a SQLite 'Data Source=<file>' or a PostgreSQL 'Host=…' string");
        return Create(cs);
    }

    public static StoreConnectionFactory Create(string connectionString) =>
        connectionString.Contains("Host=", StringComparison.OrdinalIgnoreCase)
            ? new StoreConnectionFactory(StoreKind.PostgreSql, connectionString)
            : new StoreConnectionFactory(StoreKind.Sqlite, WithSqliteDefaults(connectionString));

    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        if (_postgres is not null)
        {
            return await _postgres.OpenConnectionAsync(cancellationToken);
        }

        var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync(cancellationToken);
        // WAL lets readers (reports) run while an import writes; NORMAL sync is durable at every commit in WAL mode
        // except on power loss, where the last commits may roll back but the file stays consistent.
        await using var pragma = connection.CreateCommand();
        pragma.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=10000;";
        await pragma.ExecuteNonQueryAsync(cancellationToken);
        return connection;
    }

    private static string WithSqliteDefaults(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString) { Pooling = true };
        var directory = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        return builder.ToString();
    }
}
