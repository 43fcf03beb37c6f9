using Grpc.Net.Client;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Uitstroom.Service.Tests.PublicData;
using PublicDataClient = Uitstroom.Contracts.Ingest.V1.PublicData.PublicDataClient;
using PupilHistoriesClient = Uitstroom.Contracts.Ingest.V1.PupilHistories.PupilHistoriesClient;
using RegistryClient = Uitstroom.Contracts.Ingest.V1.Registry.RegistryClient;

namespace Uitstroom.Service.Tests.Lookback;

/// <summary>
/// Ingest and Predict in memory, Predict's Ingest client wired to the in-memory Ingest, and the public files
/// imported once through Ingest's gRPC API.
/// </summary>
public sealed class LookbackServices : IAsyncLifetime, IDisposable
{
    private readonly TempSqlite _db = new();

    public ServiceHost<IngestProgram> Ingest { get; private set; } = null!;

    public PredictHost Predict { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Ingest = new(new Dictionary<string, string?> { ["ConnectionStrings:store"] = _db.ConnectionString });
        using var channel = Ingest.Channel();
        var client = new PublicDataClient(channel);
        foreach (var file in PublicFiles.All)
        {
            await PublicFiles.ImportAsync(client, file);
        }

        Predict = new PredictHost(Ingest);
    }

    public async Task DisposeAsync()
    {
        await Predict.DisposeAsync();
        await Ingest.DisposeAsync();
        Dispose();
    }

    public void Dispose() => _db.Dispose();

    /// <summary>Predict with its Ingest clients (published results, registry, pupil histories) pointed at the in-memory Ingest.</summary>
    public sealed class PredictHost(WebApplicationFactory<IngestProgram> ingest) : WebApplicationFactory<PredictProgram>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Testing");
            builder.ConfigureTestServices(services =>
            {
                ToIngest(services.AddGrpcClient<PublicDataClient>(o => o.Address = ingest.Server.BaseAddress));
                ToIngest(services.AddGrpcClient<RegistryClient>(o => o.Address = ingest.Server.BaseAddress));
                ToIngest(services.AddGrpcClient<PupilHistoriesClient>(o => o.Address = ingest.Server.BaseAddress));
            });
        }

        private void ToIngest(IHttpClientBuilder client) => client.ConfigurePrimaryHttpMessageHandler(() => ingest.Server.CreateHandler());

        public GrpcChannel Channel(string? key = null) =>
            GrpcChannel.ForAddress(Server.BaseAddress, new GrpcChannelOptions { HttpHandler = Uitstroom.Tests.TestKeys.Handler(Server.CreateHandler(), key) });
    }
}
