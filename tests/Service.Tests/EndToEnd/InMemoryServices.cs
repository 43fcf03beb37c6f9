using Grpc.Net.Client;
using Grpc.Net.ClientFactory;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Uitstroom.Contracts.Normalise.V1;
using Uitstroom.Service.Tests.Normalise;
using Uitstroom.Tests;
using PublicDataClient = Uitstroom.Contracts.Ingest.V1.PublicData.PublicDataClient;
using PupilHistoriesClient = Uitstroom.Contracts.Ingest.V1.PupilHistories.PupilHistoriesClient;
using RegistryClient = Uitstroom.Contracts.Ingest.V1.Registry.RegistryClient;

namespace Uitstroom.Service.Tests.EndToEnd;

/// <summary>
/// Normalise, Ingest and Predict in memory, each calling the next over real gRPC clients (the same typed clients
/// the services use in the AppHost, their transport pointed at the in-memory server): the import → normalise →
/// store → train → forecast path without processes.
/// </summary>
public sealed class InMemoryServices : IAsyncDisposable
{
    private readonly TempFolder _tables = new();
    private readonly TempSqlite _store = new();

    public InMemoryServices()
    {
        Normalise = new ServiceHost<NormaliseProgram>(new Dictionary<string, string?> { ["Normalise:TablesPath"] = _tables.Path });
        Ingest = new IngestHost(_store.ConnectionString, Normalise);
        Predict = new PredictHost(Ingest, ModelsPath);
    }

    public ServiceHost<NormaliseProgram> Normalise { get; }

    public IngestHost Ingest { get; }

    public PredictHost Predict { get; }

    public string ModelsPath { get; } = Path.Combine(Path.GetTempPath(), $"uitstroom-models-{Guid.NewGuid():N}");

    public Uitstroom.Ingest.Store.StoreConnectionFactory Store => Uitstroom.Ingest.Store.StoreConnectionFactory.Create(_store.ConnectionString);

    public async ValueTask DisposeAsync()
    {
        await Predict.DisposeAsync();
        await Ingest.DisposeAsync();
        await Normalise.DisposeAsync();
        _store.Dispose();
        _tables.Dispose();
        if (Directory.Exists(ModelsPath))
        {
            Directory.Delete(ModelsPath, recursive: true);
        }
    }

    /// <summary>Ingest with its NormTables client talking to <paramref name="normalise"/> (null: to nothing that answers).</summary>
    public sealed class IngestHost(string store, WebApplicationFactory<NormaliseProgram>? normalise) : WebApplicationFactory<IngestProgram>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Testing");
            builder.ConfigureAppConfiguration((_, config) => config.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["ConnectionStrings:store"] = store,
                ["Uitstroom:PupilKeySecret"] = "test-secret-of-sufficient-length",
                // Port 9 (discard) on loopback: nothing listens, so every call is refused at once.
                ["services:normalise:grpc:0"] = normalise?.Server.BaseAddress.ToString() ?? "http://127.0.0.1:9",
            }));
            if (normalise is not null)
            {
                // The admin key on Ingest's calls to Normalise: in memory, Ingest's forwarded credential goes missing
                // (the hosts share one static HttpContext slot with TestServer), so Normalise would see no key.
                // Between processes the caller's key is forwarded (Fault.Tests import through Normalise with it).
                builder.ConfigureTestServices(services =>
                {
                    services.Configure<GrpcClientFactoryOptions>(nameof(NormTables.NormTablesClient), o => o.Address = normalise.Server.BaseAddress);
                    services.AddHttpClient(nameof(NormTables.NormTablesClient)).ConfigurePrimaryHttpMessageHandler(() => TestKeys.Handler(normalise.Server.CreateHandler()));
                });
            }
        }

        public GrpcChannel Channel() =>
            GrpcChannel.ForAddress(Server.BaseAddress, new GrpcChannelOptions { HttpHandler = TestKeys.Handler(Server.CreateHandler()) });
    }

    /// <summary>Predict with its Ingest clients pointed at the in-memory Ingest and its models in a folder.</summary>
    public sealed class PredictHost(WebApplicationFactory<IngestProgram> ingest, string modelsPath) : WebApplicationFactory<PredictProgram>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Testing");
            builder.UseSetting("Predict:ModelsPath", modelsPath);
            builder.ConfigureTestServices(services =>
            {
                ToIngest(services.AddGrpcClient<PublicDataClient>(o => o.Address = ingest.Server.BaseAddress));
                ToIngest(services.AddGrpcClient<RegistryClient>(o => o.Address = ingest.Server.BaseAddress));
                ToIngest(services.AddGrpcClient<PupilHistoriesClient>(o => o.Address = ingest.Server.BaseAddress));
            });
        }

        private void ToIngest(IHttpClientBuilder client) => client.ConfigurePrimaryHttpMessageHandler(() => ingest.Server.CreateHandler());

        public GrpcChannel Channel() =>
            GrpcChannel.ForAddress(Server.BaseAddress, new GrpcChannelOptions { HttpHandler = TestKeys.Handler(Server.CreateHandler()) });
    }
}
