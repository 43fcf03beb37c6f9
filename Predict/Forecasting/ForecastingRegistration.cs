using Microsoft.Extensions.DependencyInjection.Extensions;
using Uitstroom.Contracts.Ingest.V1;
using Uitstroom.Predict.Caching;
using Uitstroom.Predict.Models;
using Uitstroom.Predict.Services;
using Uitstroom.Predict.Training;
using Uitstroom.ServiceDefaults;

namespace Uitstroom.Predict.Forecasting;

/// <summary>The wiring of forecasts, models and the cache; called from <see cref="Extensions"/>.</summary>
internal static class ForecastingRegistration
{
    public static WebApplicationBuilder AddForecasting(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<ModelStoreOptions>(builder.Configuration.GetSection(ModelStoreOptions.Section));
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<ModelStore>();
        builder.Services.AddSingleton<CacheMetrics>();

        // The cache is optional: without a "cache" connection string forecasts are computed every time. Its health
        // check is off on purpose, as Redis being down must not make Predict unhealthy (docs/forecast.md).
        if (!string.IsNullOrWhiteSpace(builder.Configuration.GetConnectionString("cache")))
        {
            builder.AddRedisClient("cache", settings => settings.DisableHealthChecks = true, options =>
            {
                options.AbortOnConnectFail = false;
                options.ConnectTimeout = 1000;
                options.SyncTimeout = 500;
                options.AsyncTimeout = 500;
            });
        }

        builder.Services.AddSingleton(sp => new ForecastCache(
            sp.GetService<StackExchange.Redis.IConnectionMultiplexer>(),
            sp.GetRequiredService<CacheMetrics>(),
            sp.GetRequiredService<ILogger<ForecastCache>>()));

        builder.Services.AddServiceGrpcClient<PupilHistories.PupilHistoriesClient>("ingest", TimeSpan.FromSeconds(30));
        builder.Services.TryAddTransient<IPupilHistorySource, IngestHistorySource>();
        builder.Services.AddTransient<ForecastEngine>();
        builder.Services.AddTransient<ModelTraining>();
        return builder;
    }

    public static WebApplication MapForecasting(this WebApplication app)
    {
        app.MapGrpcService<ForecastService>();
        app.MapGrpcService<ModelsService>();
        return app;
    }
}
