using Uitstroom.Contracts.Ingest.V1;
using Uitstroom.Contracts.Predict.V1;
using Uitstroom.Reporting.Composition;
using Uitstroom.Reporting.Sources;
using Uitstroom.ServiceDefaults;
using Uitstroom.ServiceDefaults.Auth;

namespace Uitstroom.Reporting;

internal static class Extensions
{
    public static WebApplicationBuilder AddReportingServices(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<SourceOptions>()
            .Bind(builder.Configuration.GetSection(SourceOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();

        // The owners of the facts. Each call also sets its own deadline (SourceOptions); these are the fallbacks.
        builder.Services.AddServiceGrpcClient<Registry.RegistryClient>("ingest", TimeSpan.FromSeconds(10));
        // Predict's clients share one breaker: an outage of Predict is one fact, whichever method notices it.
        var predictBreaker = new CircuitBreakerInterceptor("predict");
        builder.Services.AddServiceGrpcClient<Lookback.LookbackClient>("predict", TimeSpan.FromSeconds(30)).AddInterceptor(() => predictBreaker);
        builder.Services.AddServiceGrpcClient<Forecasts.ForecastsClient>("predict", TimeSpan.FromSeconds(30)).AddInterceptor(() => predictBreaker);
        builder.Services.AddServiceGrpcClient<ForecastSnapshots.ForecastSnapshotsClient>("predict", TimeSpan.FromSeconds(30)).AddInterceptor(() => predictBreaker);
        builder.Services.AddSingleton<IRegistrySource, IngestRegistrySource>();
        builder.Services.AddSingleton<ILookbackSource, PredictLookbackSource>();
        builder.Services.AddSingleton<IForecastSource, PredictForecastSource>();
        builder.Services.AddSingleton<IMonitoringSource, PredictMonitoringSource>();

        builder.Services.Configure<AuthOptions>(o => o.LoginPath = Pages.LoginEndpoints.LoginPath);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<PartCache>();
        builder.Services.AddSingleton<BoardsQuery>();
        builder.Services.AddSingleton<BoardOverviewQuery>();
        builder.Services.AddSingleton<SchoolReportQuery>();

        // The same gRPC methods as HTTP/JSON for front ends that cannot speak gRPC (routes in reporting.proto).
        builder.Services.AddGrpc().AddJsonTranscoding();
        return builder;
    }
}
