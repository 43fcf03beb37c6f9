using System.Reflection;
using Dapper;

namespace Uitstroom.Ingest.Store;

/// <summary>
/// Applies the versioned schema migrations (embedded <c>NNNN_name.sql</c> files) in order, recording each in
/// <c>schema_version</c>. Runs at start-up before the service takes calls.
/// </summary>
/// <remarks>
/// Two Ingest replicas starting together on an empty database would both find a migration missing and both run it;
/// the slower one then fails on "relation already exists" and its pod restarts. So the whole run holds one lock
/// (<see cref="MigrationLock"/>) inside one transaction: the second runner waits, then reads the versions the first
/// committed and finds nothing left to do. One transaction also makes an upgrade all or nothing: a failing migration
/// leaves the schema at the version it had.
/// </remarks>
public sealed class MigrationRunner(StoreConnectionFactory store, ILogger<MigrationRunner> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => MigrateAsync(store, logger, cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <param name="upToVersion">Stop after this version (a test builds a store as an older release left it).</param>
    public static async Task MigrateAsync(StoreConnectionFactory store, ILogger logger, CancellationToken cancellationToken, int upToVersion = int.MaxValue)
    {
        await using var connection = await store.OpenAsync(cancellationToken);
        await using var tx = await MigrationLock.BeginLockedAsync(connection, store.Kind, cancellationToken);
        await connection.ExecuteAsync(
            "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)",
            transaction: tx);
        var applied = (await connection.QueryAsync<int>("SELECT version FROM schema_version", transaction: tx)).ToHashSet();

        var done = new List<(int Version, string Name)>();
        foreach (var (version, name, sql) in Migrations())
        {
            if (applied.Contains(version) || version > upToVersion)
            {
                continue;
            }

            await connection.ExecuteAsync(sql, transaction: tx);
            await connection.ExecuteAsync(
                "INSERT INTO schema_version (version, name, applied_at) VALUES (@version, @name, @at)",
                new { version, name, at = DateTime.UtcNow.ToString("O") }, tx);
            done.Add((version, name));
        }

        await tx.CommitAsync(cancellationToken);
        foreach (var (version, name) in done)
        {
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
