using Dapper;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Uitstroom.Ingest.Store;

/// <summary>Ready only when the store answers and its schema is migrated.</summary>
public sealed class StoreHealthCheck(StoreConnectionFactory store) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var connection = await store.OpenAsync(cancellationToken);
            var version = await connection.ExecuteScalarAsync<int?>("SELECT MAX(version) FROM schema_version");
            return version is null
                ? HealthCheckResult.Unhealthy("schema not migrated yet")
                : HealthCheckResult.Healthy($"{store.Kind}, schema version {version}");
        }
        catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException)
        {
            return HealthCheckResult.Unhealthy("store unreachable", e);
        }
    }
}
