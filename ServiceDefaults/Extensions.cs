using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace Uitstroom.ServiceDefaults;

/// <summary>What every Uitstroom service adds first and maps last.</summary>
public static class Extensions
{
    public const string LivenessTag = "live";

    public static TBuilder AddServiceDefaults<TBuilder>(this TBuilder builder)
        where TBuilder : IHostApplicationBuilder
    {
        builder.ConfigureOpenTelemetry();
        builder.AddDefaultHealthChecks();
        builder.Services.AddServiceDiscovery();

        // Discovery for every HttpClient. Resilience is not added here on purpose: the standard handler's total
        // timeout would cut long gRPC streams, so gRPC clients get gRPC's own retry policy and a per-call deadline
        // (GrpcClients), and plain HTTP clients opt in to the standard handler where they are registered.
        builder.Services.ConfigureHttpClientDefaults(http => http.AddServiceDiscovery());
        return builder;
    }

    public static TBuilder AddDefaultHealthChecks<TBuilder>(this TBuilder builder)
        where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddHealthChecks()
            .AddCheck("self", () => HealthCheckResult.Healthy(), [LivenessTag]);
        return builder;
    }

    /// <summary>
    /// <c>/health</c>: ready (every check passes, dependencies included); <c>/alive</c>: the process answers.
    /// Mapped in every environment because container probes use them.
    /// </summary>
    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        // Anonymous: probes carry no key, and health says nothing about any board.
        app.MapHealthChecks("/health").AllowAnonymous();
        app.MapHealthChecks("/alive", new HealthCheckOptions { Predicate = r => r.Tags.Contains(LivenessTag) }).AllowAnonymous();
        return app;
    }
}
