using Grpc.Net.Client;
using Grpc.Net.ClientFactory;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Uitstroom.Service.Tests.Ingest;
using Uitstroom.Tests;
using IngestV1 = Uitstroom.Contracts.Ingest.V1;
using NormaliseV1 = Uitstroom.Contracts.Normalise.V1;
using PredictV1 = Uitstroom.Contracts.Predict.V1;

namespace Uitstroom.Service.Tests.Security;

/// <summary>
/// All four services in memory, wired to each other as the AppHost wires them (Reporting → Predict → Ingest,
/// Ingest → Normalise), checking one keys file with an admin key and the keys of two boards: board A (41565: schools
/// 00AP vestiging 0 and 1) and board B (12345: school 01BC vestiging 0), both registered with a few LVS results.
/// Nothing is faked: each service enforces its own checks on the credential the one before forwarded.
/// </summary>
public sealed class SecuredServices : IAsyncLifetime, IDisposable
{
    public const string BoardA = "41565";
    public const string BoardB = "12345";

    private readonly TempSqlite _store = new();
    private readonly string _folder = Directory.CreateTempSubdirectory("uitstroom-security-").FullName;

    public KeySet Keys { get; } = KeySet.Create(admin: true, BoardA, BoardB);

    public string Admin => Keys.AdminKey!;

    public string KeyA => Keys.Board(BoardA);

    public string KeyB => Keys.Board(BoardB);

    public Host<NormaliseProgram> Normalise { get; private set; } = null!;

    public Host<IngestProgram> Ingest { get; private set; } = null!;

    public Host<PredictProgram> Predict { get; private set; } = null!;

    public Host<ReportingProgram> Reporting { get; private set; } = null!;

    /// <summary>The host that serves gRPC service <paramref name="fullServiceName"/> (e.g. uitstroom.predict.v1.Models).</summary>
    public IHost For(string fullServiceName) => fullServiceName.Split('.')[1] switch
    {
        "ingest" => Ingest,
        "normalise" => Normalise,
        "predict" => Predict,
        "reporting" => Reporting,
        var other => throw new ArgumentException($"no service hosts {fullServiceName} ({other})"),
    };

    public IEnumerable<IHost> All => [Normalise, Ingest, Predict, Reporting];

    public async Task InitializeAsync()
    {
        Normalise = new Host<NormaliseProgram>(Settings(("Normalise:TablesPath", Path.Combine(_folder, "tables"))));
        Ingest = new Host<IngestProgram>(
            Settings(("ConnectionStrings:store", _store.ConnectionString), ("Uitstroom:PupilKeySecret", "security-tests-secret-of-sufficient-length"),
                ("services:normalise:grpc:0", Normalise.Server.BaseAddress.ToString())),
            s => s.To<NormaliseV1.NormTables.NormTablesClient>(Normalise));
        Predict = new Host<PredictProgram>(
            Settings(("Predict:ModelsPath", Path.Combine(_folder, "models"))),
            s => s.To<IngestV1.Registry.RegistryClient>(Ingest).To<IngestV1.PublicData.PublicDataClient>(Ingest)
                .To<IngestV1.PupilHistories.PupilHistoriesClient>(Ingest));
        Reporting = new Host<ReportingProgram>(
            Settings(),
            s => s.To<IngestV1.Registry.RegistryClient>(Ingest).To<PredictV1.Lookback.LookbackClient>(Predict)
                .To<PredictV1.Forecasts.ForecastsClient>(Predict));

        using var admin = Ingest.Channel(Admin);
        (await admin.ImportAsync("scholen.csv", Files.Schools)).Report.Outcome.ShouldBe("committed");
        (await admin.ImportAsync("lvs.csv", Files.Lvs([.. Files.ValidLvs, "01BC;0;q1;2025-2026;6;M6;28-01-2026;CITO;rekenen;220;40;III"])))
            .Report.Outcome.ShouldBe("committed");
    }

    public async Task DisposeAsync()
    {
        foreach (var host in new IAsyncDisposable[] { Reporting, Predict, Ingest, Normalise })
        {
            await host.DisposeAsync();
        }

        Dispose();
    }

    public void Dispose()
    {
        _store.Dispose();
        Keys.Dispose();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private Dictionary<string, string?> Settings(params (string Key, string Value)[] more)
    {
        var settings = new Dictionary<string, string?> { ["Auth:KeysFile"] = Keys.File };
        foreach (var (key, value) in more)
        {
            settings[key] = value;
        }

        return settings;
    }

    /// <summary>What the matrix needs of any of the four hosts.</summary>
    public interface IHost
    {
        TestServer Server { get; }

        GrpcChannel Channel(string? key);

        HttpClient Http(string? key);
    }

    public sealed class Host<TProgram>(IReadOnlyDictionary<string, string?> settings, Action<IServiceCollection>? services = null)
        : WebApplicationFactory<TProgram>, IHost
        where TProgram : class
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Testing");
            builder.ConfigureAppConfiguration((_, config) => config.AddInMemoryCollection(settings));
            if (services is not null)
            {
                builder.ConfigureTestServices(services);
            }
        }

        /// <summary>A channel with <paramref name="key"/> as the bearer credential, or with no credential at all.</summary>
        public GrpcChannel Channel(string? key) => GrpcChannel.ForAddress(Server.BaseAddress, new GrpcChannelOptions
        {
            HttpHandler = key is null ? Server.CreateHandler() : TestKeys.Handler(Server.CreateHandler(), key),
        });

        public HttpClient Http(string? key) => key is null ? CreateDefaultClient() : CreateDefaultClient(TestKeys.Handler(null, key));
    }
}

internal static class InMemoryClients
{
    /// <summary>Points a service's typed gRPC client at another in-memory host.</summary>
    public static IServiceCollection To<TClient>(this IServiceCollection services, WebApplicationFactory<IngestProgram> host) =>
        services.To<TClient>(host.Server);

    public static IServiceCollection To<TClient>(this IServiceCollection services, WebApplicationFactory<NormaliseProgram> host) =>
        services.To<TClient>(host.Server);

    public static IServiceCollection To<TClient>(this IServiceCollection services, WebApplicationFactory<PredictProgram> host) =>
        services.To<TClient>(host.Server);

    private static IServiceCollection To<TClient>(this IServiceCollection services, TestServer server)
    {
        services.Configure<GrpcClientFactoryOptions>(typeof(TClient).Name, o => o.Address = server.BaseAddress);
        services.AddHttpClient(typeof(TClient).Name).ConfigurePrimaryHttpMessageHandler(server.CreateHandler);
        return services;
    }
}
