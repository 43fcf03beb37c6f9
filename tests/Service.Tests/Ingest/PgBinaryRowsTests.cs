using Dapper;
using Npgsql;
using Uitstroom.Ingest.Store;

namespace Uitstroom.Service.Tests.Ingest;

/// <summary>Ingest's own binary COPY encoding, read back by PostgreSQL itself.</summary>
public sealed class PgBinaryRowsTests
{
    private const string Table = "CREATE TABLE t (i integer, l bigint, d double precision, s text, ni integer, nd double precision, ns text)";

    [Fact]
    public async Task Every_type_null_and_text_of_any_length_arrives_as_written()
    {
        await using var database = await Database.WithAsync(Table);
        var connection = database.Connection;
        // Longer than the 64 kB buffer, multi-byte UTF-8, and enough rows to fill the buffer many times over.
        var longText = string.Concat(Enumerable.Repeat("ë€𝄞x", 30_000));
        await using (var rows = await PgBinaryRows.BeginAsync(connection, "COPY t (i, l, d, s, ni, nd, ns) FROM STDIN (FORMAT BINARY)", CancellationToken.None))
        {
            for (var k = 0; k < 20_000; k++)
            {
                rows.StartRow(7);
                rows.Write(k - 10_000);
                rows.Write((long)k << 33);
                rows.Write(k / 7.0);
                rows.Write(k == 5_000 ? longText : $"rij {k} Zeeppaddestoel");
                rows.Write(k % 3 == 0 ? null : (int?)k);
                rows.Write(k % 5 == 0 ? null : (double?)(-k / 3.0));
                rows.Write(k % 2 == 0 ? null : "ß");
            }

            await rows.CompleteAsync(CancellationToken.None);
        }

        var read = (await connection.QueryAsync<(int I, long L, double D, string S, int? Ni, double? Nd, string? Ns)>(
            "SELECT i, l, d, s, ni, nd, ns FROM t ORDER BY i")).ToList();
        read.Count.ShouldBe(20_000);
        for (var k = 0; k < 20_000; k++)
        {
            read[k].ShouldBe((k - 10_000, (long)k << 33, k / 7.0, k == 5_000 ? longText : $"rij {k} Zeeppaddestoel",
                k % 3 == 0 ? null : (int?)k, k % 5 == 0 ? null : (double?)(-k / 3.0), k % 2 == 0 ? null : "ß"));
        }
    }

    [Fact]
    public async Task Rows_disposed_before_they_are_completed_leave_nothing_and_the_connection_usable()
    {
        await using var database = await Database.WithAsync(Table);
        var connection = database.Connection;

        await using (var rows = await PgBinaryRows.BeginAsync(connection, "COPY t (i, l, d, s, ni, nd, ns) FROM STDIN (FORMAT BINARY)", CancellationToken.None))
        {
            for (var k = 0; k < 10_000; k++)
            {
                rows.StartRow(7);
                rows.Write(k);
                rows.Write(1L);
                rows.Write(1.0);
                rows.Write("half a COPY");
                rows.WriteNull();
                rows.WriteNull();
                rows.WriteNull();
            }
        }

        (await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM t")).ShouldBe(0);
    }

    [Fact]
    public async Task A_field_of_the_wrong_type_is_refused_by_the_server()
    {
        await using var database = await Database.WithAsync("CREATE TABLE t (i integer)");
        var connection = database.Connection;

        var rows = await PgBinaryRows.BeginAsync(connection, "COPY t (i) FROM STDIN (FORMAT BINARY)", CancellationToken.None);
        rows.StartRow(1);
        rows.Write(1L);

        await Should.ThrowAsync<PostgresException>(() => rows.CompleteAsync(CancellationToken.None));
    }

    /// <summary>A new database of the test cluster with one table, and an open connection to it.</summary>
    private sealed class Database(TestStore store, NpgsqlConnection connection) : IAsyncDisposable
    {
        public NpgsqlConnection Connection { get; } = connection;

        public static async Task<Database> WithAsync(string createTable)
        {
            var store = await TestStore.CreateAsync(TestStore.Postgres);
            var connection = new NpgsqlConnection(store.ConnectionString);
            await connection.OpenAsync();
            await connection.ExecuteAsync(createTable);
            return new Database(store, connection);
        }

        public async ValueTask DisposeAsync()
        {
            await Connection.DisposeAsync();
            await store.DisposeAsync();
        }
    }
}
