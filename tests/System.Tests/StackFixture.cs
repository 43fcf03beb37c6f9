using Aspire.Hosting;
using Aspire.Hosting.Testing;
using Grpc.Net.Client;
using Uitstroom.Tests;

namespace Uitstroom.Stack.Tests;

/// <summary>
/// The whole stack, started once for the test class from the real AppHost: no containers (Redis runs as
/// Debian's redis-server), a temporary SQLite store and model folder, ports chosen by Aspire so a running ./run.sh
/// does not clash.
/// </summary>
public sealed class StackFixture : IAsyncLifetime
{
    public static readonly string[] Services = ["ingest", "normalise", "predict", "reporting"];

    // A folder of its own: Predict keeps its model versions beside the SQLite file (data/models locally), and a
    // shared temporary folder would hand one run's models to the next.
    private readonly DirectoryInfo _data = Directory.CreateTempSubdirectory("uitstroom-system-");

    public DistributedApplication App { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.AppHost>(
            [
                "Uitstroom:FixedPorts=false",
                $"Uitstroom:SqliteFile={Path.Combine(_data.FullName, "uitstroom.db")}",
                // The services check keys against the test process's keys file; every call below sends its admin key.
                $"Uitstroom:KeysFile={TestKeys.Default.File}",
                // Stopping would otherwise wait ~13 s for resource clean-up.
                "DcpPublisher:WaitForResourceCleanup=false",
            ]);
        App = await builder.BuildAsync();
        using var start = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await App.StartAsync(start.Token);
        foreach (var service in Services)
        {
            await App.ResourceNotifications.WaitForResourceHealthyAsync(service, start.Token);
        }
    }

    public GrpcChannel Channel(string service) => GrpcChannel.ForAddress(App.GetEndpoint(service, "grpc"), new GrpcChannelOptions
    {
        HttpHandler = TestKeys.Handler(new SocketsHttpHandler()),
    });

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        _data.Delete(recursive: true);
    }
}
