using Grpc.Net.Client;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Uitstroom.Predict.Forecasting;

namespace Uitstroom.Predict.Tests.Caching;

/// <summary>Predict in memory with its histories from <paramref name="source"/>, its models in a folder, and Redis where given.</summary>
public sealed class PredictHost(IPupilHistorySource source, string modelsPath, string? redis) : WebApplicationFactory<PredictProgram>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        // Settings, not app configuration: Program reads the cache's connection string while it registers services,
        // before configuration added by ConfigureAppConfiguration is applied.
        builder.UseSetting("Predict:ModelsPath", modelsPath);
        if (redis is not null)
        {
            builder.UseSetting("ConnectionStrings:cache", redis);
        }
        builder.ConfigureTestServices(services => services.AddSingleton(source));
    }

    public GrpcChannel Channel() =>
        GrpcChannel.ForAddress(Server.BaseAddress, new GrpcChannelOptions { HttpHandler = Uitstroom.Tests.TestKeys.Handler(Server.CreateHandler()) });
}
