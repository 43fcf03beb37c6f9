using Dapper;
using Grpc.Net.ClientFactory;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Uitstroom.Contracts.Normalise.V1;
using Uitstroom.Service.Tests.Normalise;

namespace Uitstroom.Service.Tests.Ingest;

/// <summary>Ingest calling a real Normalise (both in memory) at import: uniform values are stored beside the raw scores.</summary>
public sealed class NormaliseAtImportTests
{
    /// <summary>Ingest whose NormTables client talks to the in-memory Normalise server.</summary>
    private sealed class IngestWithNormalise(string store, ServiceHost<NormaliseProgram> normalise) : WebApplicationFactory<IngestProgram>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Testing");
            builder.ConfigureAppConfiguration((_, config) => config.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["ConnectionStrings:store"] = store,
                ["Uitstroom:PupilKeySecret"] = "test-secret-of-sufficient-length",
                ["services:normalise:grpc:0"] = normalise.Server.BaseAddress.ToString(),
            }));
            builder.ConfigureTestServices(services =>
            {
                services.Configure<GrpcClientFactoryOptions>(nameof(NormTables.NormTablesClient), o => o.Address = normalise.Server.BaseAddress);
                services.AddHttpClient(nameof(NormTables.NormTablesClient)).ConfigurePrimaryHttpMessageHandler(() => normalise.Server.CreateHandler());
            });
        }
    }

    [Theory]
    [MemberData(nameof(TestStore.Kinds), MemberType = typeof(TestStore))]
    public async Task LVS_results_are_stored_with_the_uniform_value_and_table_version_Normalise_gives(string kind)
    {
        await using var store = await TestStore.CreateAsync(kind);
        using var tables = new TempFolder();
        await using var normalise = new ServiceHost<NormaliseProgram>(new Dictionary<string, string?> { ["Normalise:TablesPath"] = tables.Path });
        await using var ingest = new IngestWithNormalise(store.ConnectionString, normalise);
        using var channel = Grpc.Net.Client.GrpcChannel.ForAddress(ingest.Server.BaseAddress, new Grpc.Net.Client.GrpcChannelOptions { HttpHandler = Uitstroom.Tests.TestKeys.Handler(ingest.Server.CreateHandler()) });
        (await channel.ImportAsync("scholen.csv", Files.Schools)).Report.Outcome.ShouldBe("committed");

        var result = await channel.ImportAsync("lvs.csv", Files.Lvs(Files.ValidLvs));

        string.Join(" | ", result.Report.Warnings).ShouldBe("");
        await using var connection = await store.Factory.OpenAsync(CancellationToken.None);
        var rows = (await connection.QueryAsync<(double Score, double? Uniform, long? Version)>(
            "SELECT score, uniform, CAST(norm_version AS BIGINT) FROM lvs_result ORDER BY score")).ToList();
        rows.Count.ShouldBe(4);
        rows.ShouldAllBe(r => r.Uniform != null && r.Version == 1);
        // Ordinary scores land near the reference levels (100 = on track for 1F, 200 = for the target level).
        rows.ShouldAllBe(r => r.Uniform > 0 && r.Uniform < 400);
    }
}
