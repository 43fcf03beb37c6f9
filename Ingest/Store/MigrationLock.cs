using System.Data.Common;
using Dapper;
using Microsoft.Data.Sqlite;

namespace Uitstroom.Ingest.Store;

/// <summary>
/// The one lock every migration runner of a store takes before it looks at <c>schema_version</c>, so replicas that
/// start together migrate one after the other.
/// </summary>
internal static class MigrationLock
{
    /// <summary>
    /// The advisory lock's key: any fixed 64-bit number no other code of this database uses. It spells "uitstroo".
    /// </summary>
    private const long PostgresKey = 0x7569747374726f6f;

    /// <summary>Begins the migration transaction holding the lock; the lock ends with the transaction.</summary>
    public static async Task<DbTransaction> BeginLockedAsync(DbConnection connection, StoreKind kind, CancellationToken ct)
    {
        if (kind == StoreKind.Sqlite)
        {
            // BEGIN IMMEDIATE takes SQLite's write lock at once (a deferred BEGIN would take it only at the first
            // write, after both runners had read schema_version); the other runner waits on busy_timeout.
            return ((SqliteConnection)connection).BeginTransaction(deferred: false);
        }

        var tx = await connection.BeginTransactionAsync(ct);
        // A transaction-scoped advisory lock: released by COMMIT or ROLLBACK, and by PostgreSQL itself when the
        // replica holding it dies, so a crashed start-up never leaves the store locked.
        await connection.ExecuteAsync("SELECT pg_advisory_xact_lock(@key)", new { key = PostgresKey }, tx);
        return tx;
    }
}
