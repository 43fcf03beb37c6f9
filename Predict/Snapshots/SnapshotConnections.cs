using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Uitstroom.Predict.Snapshots;

/// <summary>
/// Connections to the store named by <c>ConnectionStrings:store</c>, the one Ingest uses: a SQLite file or PostgreSQL
/// (a string with <c>Host=</c>). Predict keeps only its own <c>forecast_snapshot…</c> tables there.
/// </summary>
public sealed class SnapshotConnections : IDisposable
{
    public const string ConnectionName = "store";

    private readonly NpgsqlDataSource? postgres;
    private readonly string sqlite = "";

    public SnapshotConnections(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        if (connectionString.Contains("Host=", StringComparison.OrdinalIgnoreCase))
        {
            postgres = NpgsqlDataSource.Create(connectionString);
            return;
        }

        var builder = new SqliteConnectionStringBuilder(connectionString) { Pooling = true };
        var directory = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        sqlite = builder.ToString();
    }

    public bool IsPostgres => postgres is not null;

    public async Task<DbConnection> OpenAsync(CancellationToken ct)
    {
        if (postgres is not null)
        {
            return await postgres.OpenConnectionAsync(ct).ConfigureAwait(false);
        }

        var connection = new SqliteConnection(sqlite);
        await connection.OpenAsync(ct).ConfigureAwait(false);
        // Ingest writes the same file: WAL and a busy timeout let both services use it without "database is locked".
        await using var pragma = connection.CreateCommand();
        pragma.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=10000;";
        await pragma.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        return connection;
    }

    public void Dispose() => postgres?.Dispose();
}
