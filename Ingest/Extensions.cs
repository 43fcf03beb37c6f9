using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Uitstroom.Contracts.Normalise.V1;
using Uitstroom.Ingest.Access;
using Uitstroom.Ingest.Histories;
using Uitstroom.Ingest.Importing;
using Uitstroom.Ingest.Norms;
using Uitstroom.Ingest.PublicData;
using Uitstroom.Ingest.Store;
using Uitstroom.ServiceDefaults;
using Uitstroom.ServiceDefaults.Auth;

namespace Uitstroom.Ingest;

internal static class Extensions
{
    public static WebApplicationBuilder AddIngestServices(this WebApplicationBuilder builder)
    {
        // Resolved lazily so test hosts and deployments can supply the connection string after the builder is made.
        builder.Services.AddSingleton(sp => StoreConnectionFactory.FromConfiguration(sp.GetRequiredService<IConfiguration>()));
        builder.Services.AddHostedService<MigrationRunner>();
        builder.Services.AddSingleton<RegistryRepository>();
        builder.Services.AddSingleton<IBoardSchools, LocalBoardSchools>();
        builder.Services.AddSingleton<ImportStore>();
        builder.Services.AddSingleton<HistoryRepository>();
        builder.Services.AddSingleton<CohortTrendQuery>();
        builder.Services.AddSingleton<Importer>();
        builder.Services.AddSingleton(sp => PupilKeys.FromConfiguration(
            sp.GetRequiredService<IConfiguration>(), DataFolder(sp.GetRequiredService<StoreConnectionFactory>(), sp.GetRequiredService<IConfiguration>())));
        builder.Services.AddHealthChecks().AddCheck<StoreHealthCheck>("store");
        builder.Services.AddSingleton<PublicDataWriter>();
        builder.Services.AddSingleton<PublishedResultsReader>();

        // Normalise is called when the AppHost (or configuration) names its gRPC endpoint; a bare Ingest stores raw
        // values. Decided when first needed, like the store, so test hosts can supply the endpoint late.
        builder.Services.AddServiceGrpcClient<NormTables.NormTablesClient>("normalise", TimeSpan.FromSeconds(60));
        builder.Services.AddSingleton<IResultNormaliser>(sp =>
            sp.GetRequiredService<IConfiguration>()["services:normalise:grpc:0"] is { Length: > 0 }
                ? ActivatorUtilities.CreateInstance<GrpcResultNormaliser>(sp)
                : new RawOnlyNormaliser());
        // The LVS providers an import accepts are those Normalise has tables for; a bare Ingest knows the shipped ones.
        builder.Services.AddSingleton<ILvsProviderDirectory>(sp =>
            sp.GetRequiredService<IConfiguration>()["services:normalise:grpc:0"] is { Length: > 0 }
                ? ActivatorUtilities.CreateInstance<NormaliseProviderDirectory>(sp)
                : new ShippedProviderDirectory());
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<Renormaliser>();

        // Limits on what one import may be (docs/formats.md "Limits"), checked at start so a typo fails fast.
        builder.Services.AddOptions<ImportLimits>().Bind(builder.Configuration.GetSection(ImportLimits.Section))
            .ValidateDataAnnotations().ValidateOnStart();
        // Imports are uploaded in chunks well below the default; a larger chunk is refused by gRPC before it is read.
        builder.Services.AddOptions<Grpc.AspNetCore.Server.GrpcServiceOptions>()
            .Configure<Microsoft.Extensions.Options.IOptions<ImportLimits>>((o, limits) => o.MaxReceiveMessageSize = limits.Value.MaxChunkBytes);
        return builder;
    }

    /// <summary>Where the development pupil-key secret lives: beside the SQLite file, or Uitstroom:DataFolder.</summary>
    private static string DataFolder(StoreConnectionFactory store, IConfiguration configuration) =>
        configuration["Uitstroom:DataFolder"] is { Length: > 0 } configured ? configured
        : store.Kind == StoreKind.Sqlite
            ? Path.GetDirectoryName(Path.GetFullPath(new SqliteConnectionStringBuilder(store.ConnectionString).DataSource))!
            : Path.GetFullPath("data");
}
