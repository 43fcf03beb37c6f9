using Uitstroom.Ingest.PublicData;
using Uitstroom.Ingest.Store;

namespace Uitstroom.Ingest;

internal static class Extensions
{
    public static WebApplicationBuilder AddIngestServices(this WebApplicationBuilder builder)
    {
        // Resolved lazily so test hosts and deployments can supply the connection string after the builder is made.
        builder.Services.AddSingleton(sp => StoreConnectionFactory.FromConfiguration(sp.GetRequiredService<IConfiguration>()));
        builder.Services.AddHostedService<MigrationRunner>();
        builder.Services.AddSingleton<RegistryRepository>();
        builder.Services.AddHealthChecks().AddCheck<StoreHealthCheck>("store");
        builder.Services.AddSingleton<PublicDataWriter>();
        builder.Services.AddSingleton<PublishedResultsReader>();
        return builder;
    }
}
