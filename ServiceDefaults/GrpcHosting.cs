using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Uitstroom.ServiceDefaults.Auth;

namespace Uitstroom.ServiceDefaults;

/// <summary>
/// Every service listens twice: gRPC over HTTP/2 without TLS (h2c), and HTTP/1 for health, pages and JSON.
/// On plain http, a single Http1AndHttp2 endpoint silently speaks only HTTP/1.1, so the two are kept apart.
/// </summary>
public static class GrpcHosting
{
    /// <summary>Environment variables the AppHost (or a container) sets to the ports to listen on.</summary>
    public const string GrpcPortVariable = "GRPC_PORT";
    public const string HttpPortVariable = "HTTP_PORT";

    public static WebApplicationBuilder AddGrpcService(this WebApplicationBuilder builder)
    {
        var grpcPort = builder.Configuration.GetValue<int?>(GrpcPortVariable);
        var httpPort = builder.Configuration.GetValue<int?>(HttpPortVariable);
        if (grpcPort is not null && httpPort is not null)
        {
            builder.WebHost.ConfigureKestrel(kestrel =>
            {
                kestrel.ListenAnyIP(grpcPort.Value, o => o.Protocols = HttpProtocols.Http2);
                kestrel.ListenAnyIP(httpPort.Value, o => o.Protocols = HttpProtocols.Http1);
            });
        }

        builder.Services.AddGrpc(o =>
        {
            o.EnableDetailedErrors = builder.Environment.IsDevelopment();
            o.Interceptors.Add<DomainErrorInterceptor>();
        });
        builder.Services.AddGrpcHealthChecks().AddCheck("grpc", () => Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckResult.Healthy());
        builder.Services.AddGrpcReflection();
        builder.AddKeyAuthentication();
        return builder;
    }

    /// <summary>
    /// The standard grpc.health.v1 service (anonymous, as probes carry no key) and server reflection (any valid key:
    /// it describes only the public contract, and a client holding a key needs it to explore the API).
    /// </summary>
    public static WebApplication MapGrpcInfrastructure(this WebApplication app)
    {
        app.MapGrpcHealthChecksService().AllowAnonymous();
        app.MapGrpcReflectionService();
        return app;
    }
}
