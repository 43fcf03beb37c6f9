using Grpc.Net.Client;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Uitstroom.Tests;

namespace Uitstroom.Service.Tests;

/// <summary>
/// One service in memory with its configuration overridden, and a real gRPC channel to it.
/// <typeparamref name="TProgram"/> is the service's marker type.
/// </summary>
public sealed class ServiceHost<TProgram>(IReadOnlyDictionary<string, string?>? settings = null) : WebApplicationFactory<TProgram>
    where TProgram : class
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.ConfigureAppConfiguration((_, config) => config.AddInMemoryCollection(settings ?? new Dictionary<string, string?>()));
    }

    /// <summary>A channel that calls with <paramref name="key"/>: the test admin key by default (TestKeys).</summary>
    public GrpcChannel Channel(string? key = null) =>
        GrpcChannel.ForAddress(Server.BaseAddress, new GrpcChannelOptions { HttpHandler = TestKeys.Handler(Server.CreateHandler(), key) });
}

/// <summary>A fresh SQLite file per test class, deleted afterwards.</summary>
public sealed class TempSqlite : IDisposable
{
    public string File { get; } = Path.Combine(Path.GetTempPath(), $"uitstroom-test-{Guid.NewGuid():N}.db");

    public string ConnectionString => $"Data Source={File}";

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var f in new[] { File, File + "-wal", File + "-shm" })
        {
            System.IO.File.Delete(f);
        }
    }
}
