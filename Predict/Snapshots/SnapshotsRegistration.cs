using Uitstroom.Predict.Services;

namespace Uitstroom.Predict.Snapshots;

/// <summary>The wiring of dated snapshots; called from <see cref="Extensions"/>.</summary>
internal static class SnapshotsRegistration
{
    public static WebApplicationBuilder AddSnapshots(this WebApplicationBuilder builder)
    {
        // Snapshots are optional like the cache: without a store Predict forecasts as before and the snapshot calls
        // say FailedPrecondition. The AppHost gives Predict the same store as Ingest.
        var connectionString = builder.Configuration.GetConnectionString(SnapshotConnections.ConnectionName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            return builder;
        }

        builder.Services.AddSingleton(new SnapshotConnections(connectionString));
        builder.Services.AddSingleton<SnapshotStore>();
        builder.Services.AddSingleton<SnapshotMigrations>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<SnapshotMigrations>());
        builder.Services.AddTransient<SnapshotBackfill>();
        builder.Services.AddSingleton<LiveSnapshotRecorder>();
        // Live snapshots are taken where forecasts are served, as an observer of that one service.
        builder.Services.AddGrpc().AddServiceOptions<ForecastService>(o => o.Interceptors.Add<LiveSnapshotRecorder>());
        return builder;
    }
}
