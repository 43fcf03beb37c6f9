using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Reflection.V1Alpha;

namespace Uitstroom.Service.Tests;

/// <summary>Every service speaks the standard health protocol and lets a generic client discover it.</summary>
public class GrpcInfrastructureTests
{
    [Fact]
    public async Task Normalise_answers_grpc_health_and_lists_its_services_through_reflection()
    {
        await using var host = new ServiceHost<NormaliseProgram>();
        using var channel = host.Channel();

        var health = await new Health.HealthClient(channel).CheckAsync(new HealthCheckRequest());
        health.Status.ShouldBe(HealthCheckResponse.Types.ServingStatus.Serving);

        var services = await ReflectedServices(channel);
        services.ShouldContain("uitstroom.normalise.v1.NormTables");
        services.ShouldContain("grpc.health.v1.Health");
    }

    internal static async Task<IReadOnlyList<string>> ReflectedServices(Grpc.Net.Client.GrpcChannel channel)
    {
        using var call = new ServerReflection.ServerReflectionClient(channel).ServerReflectionInfo();
        await call.RequestStream.WriteAsync(new ServerReflectionRequest { ListServices = "" });
        await call.RequestStream.CompleteAsync();
        var names = new List<string>();
        await foreach (var response in call.ResponseStream.ReadAllAsync())
        {
            names.AddRange(response.ListServicesResponse.Service.Select(s => s.Name));
        }

        return names;
    }
}
