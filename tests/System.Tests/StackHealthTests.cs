using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Reflection.V1Alpha;

namespace Uitstroom.Stack.Tests;

public class StackHealthTests(StackFixture stack) : IClassFixture<StackFixture>
{
    [Theory]
    [InlineData("ingest", "uitstroom.ingest.v1.Registry")]
    [InlineData("normalise", "uitstroom.normalise.v1.NormTables")]
    [InlineData("predict", "uitstroom.predict.v1.Indicators")]
    [InlineData("reporting", "uitstroom.reporting.v1.BoardReports")]
    public async Task Every_service_is_serving_over_grpc_health_and_discoverable_through_reflection(string service, string contract)
    {
        using var channel = stack.Channel(service);

        var health = await new Health.HealthClient(channel).CheckAsync(new HealthCheckRequest(), deadline: DateTime.UtcNow.AddSeconds(10));
        health.Status.ShouldBe(HealthCheckResponse.Types.ServingStatus.Serving);

        using var call = new ServerReflection.ServerReflectionClient(channel).ServerReflectionInfo(deadline: DateTime.UtcNow.AddSeconds(10));
        await call.RequestStream.WriteAsync(new ServerReflectionRequest { ListServices = "" });
        await call.RequestStream.CompleteAsync();
        var names = new List<string>();
        await foreach (var response in call.ResponseStream.ReadAllAsync())
        {
            names.AddRange(response.ListServicesResponse.Service.Select(s => s.Name));
        }

        names.ShouldContain(contract);
        names.ShouldContain("grpc.health.v1.Health");
    }

    [Fact]
    public async Task Reporting_reaches_Ingest_through_service_discovery()
    {
        using var channel = stack.Channel("reporting");

        var reply = await new Contracts.Reporting.V1.BoardReports.BoardReportsClient(channel)
            .ListBoardsAsync(new Contracts.Reporting.V1.ListBoardsRequest(), deadline: DateTime.UtcNow.AddSeconds(10));

        reply.ShouldNotBeNull();
    }
}
