using System.Reflection;
using Dapper;

namespace Uitstroom.Ingest.Store;

/// <summary>
/// Applies the versioned schema migrations (embedded <c>NNNN_name.sql</c> files) in order, each in its own
/// transaction, recording each in <c>schema_version</c>. Runs at start-up before the service takes calls.
/// </summary>
public sealed class MigrationRunner(StoreConnectionFactory store, ILogger<MigrationRunner> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => MigrateAsync(store, logger, cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public static async Task MigrateAsync(StoreConnectionFactory store, ILogger logger, CancellationToken cancellationToken)
    {
        await using var connection = await store.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(
            "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)");
        var applied = (await connection.QueryAsync<int>("SELECT version FROM schema_version")).ToHashSet();

        foreach (var (version, name, sql) in Migrations())
        {
            if (applied.Contains(version))
            {
                continue;
            }

            await using var tx = await connection.BeginTransactionAsync(cancellationToken);
            await connection.ExecuteAsync(sql, transaction: tx);
            await connection.ExecuteAsync(
                "INSERT INTO schema_version (version, name, applied_at) VALUES (@version, @name, @at)",
                new { version, name, at = DateTime.UtcNow.ToString("O") }, tx);
            await tx.CommitAsync(cancellationToken);
            logger.LogInformation("Applied migration {Version} {Name}", version, name);
        }
    }

    private static IEnumerable<(int Version, string Name, string Sql)> Migrations()
    {
        var assembly = Assembly.GetExecutingAssembly();
        const string prefix = "Uitstroom.Ingest.Store.Migrations.";
        foreach (var resource in assembly.GetManifestResourceNames()
                     .Where(n => n.StartsWith(prefix, StringComparison.Ordinal))
                     .Order(StringComparer.Ordinal))
        {
            var file = resource[prefix.Length..^".sql".Length];
            var version = int.Parse(file[..4]);
            using var reader = new StreamReader(assembly.GetManifestResourceStream(resource)!);
            yield return (version, file[5..], reader.ReadToEnd());
        }
    }
}
