using System.Globalization;
using System.Reflection;
using Dapper;

namespace Uitstroom.Predict.Snapshots;

/// <summary>
/// Applies Predict's own schema migrations (embedded <c>Snapshots/Migrations/NNNN_name.sql</c>) at start-up. They are
/// recorded in <c>predict_schema_version</c>, apart from Ingest's <c>schema_version</c> in the same store, so the
/// two services migrate independently.
/// </summary>
public sealed partial class SnapshotMigrations(SnapshotConnections connections, ILogger<SnapshotMigrations> logger) : IHostedService
{
    private const string Prefix = "Uitstroom.Predict.Snapshots.Migrations.";

    public Task StartAsync(CancellationToken cancellationToken) => MigrateAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task MigrateAsync(CancellationToken ct)
    {
        await using var connection = await connections.OpenAsync(ct).ConfigureAwait(false);
        await connection.ExecuteAsync(
            "CREATE TABLE IF NOT EXISTS predict_schema_version (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)")
            .ConfigureAwait(false);
        var applied = (await connection.QueryAsync<int>("SELECT version FROM predict_schema_version").ConfigureAwait(false)).ToHashSet();
        foreach (var (version, name, sql) in Migrations())
        {
            if (applied.Contains(version))
            {
                continue;
            }

            await using var tx = await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
            await connection.ExecuteAsync(sql.Replace("{{bytes}}", connections.IsPostgres ? "BYTEA" : "BLOB", StringComparison.Ordinal), transaction: tx)
                .ConfigureAwait(false);
            await connection.ExecuteAsync(
                // Two replicas starting together may both apply a migration (its DDL says IF NOT EXISTS); the second record is skipped.
                "INSERT INTO predict_schema_version (version, name, applied_at) VALUES (@version, @name, @at) ON CONFLICT (version) DO NOTHING",
                new { version, name, at = DateTime.UtcNow.ToString("O", CultureInfo.InvariantCulture) }, tx).ConfigureAwait(false);
            await tx.CommitAsync(ct).ConfigureAwait(false);
            LogApplied(logger, version, name);
        }
    }

    private static IEnumerable<(int Version, string Name, string Sql)> Migrations()
    {
        var assembly = Assembly.GetExecutingAssembly();
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            var file = resource[Prefix.Length..^".sql".Length];
            using var reader = new StreamReader(assembly.GetManifestResourceStream(resource)!);
            yield return (int.Parse(file[..4], CultureInfo.InvariantCulture), file[5..], reader.ReadToEnd());
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Applied Predict migration {Version} {Name}")]
    private static partial void LogApplied(ILogger logger, int version, string name);
}
