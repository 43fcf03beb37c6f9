using Uitstroom.Fault.Tests.Processes;
using Uitstroom.Simulation;
using Uitstroom.Tests.Stack;

namespace Uitstroom.Fault.Tests.Faults;

/// <summary>
/// The import path as separate processes: PostgreSQL (a fresh database), Normalise and Ingest, started as the
/// manifests configure them. A simulated world of 40 schools (two providers with 80k+ LVS rows over six years) is written; only its registry is imported up front,
/// so each test imports result files the store has not seen.
/// </summary>
public sealed class ImportProcesses : IAsyncLifetime
{
    private readonly string _tables = Path.Combine(Path.GetTempPath(), $"uitstroom-tables-{Guid.NewGuid():N}");

    public TestDatabase Store { get; private set; } = null!;

    public ServiceProcess Normalise { get; private set; } = null!;

    public ServiceProcess Ingest { get; private set; } = null!;

    public SimulatedWorld World { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        World = SimulatedWorld.Write(new SimulationOptions { Seed = 7, Schools = 40, Years = 6 });
        Store = await TestDatabase.CreateAsync();
        Directory.CreateDirectory(_tables);
        Normalise = new ServiceProcess("Normalise", Ports.Normalise.Http, Ports.Normalise.Grpc, new Dictionary<string, string>
        {
            ["Normalise__TablesPath"] = _tables,
        });
        Ingest = new ServiceProcess("Ingest", Ports.Ingest.Http, Ports.Ingest.Grpc, new Dictionary<string, string>
        {
            ["ConnectionStrings__store"] = Store.ConnectionString,
            ["Uitstroom__PupilKeySecret"] = "fault-tests-pupil-key-secret-0123456789",
            ["services__normalise__grpc__0"] = Normalise.Grpc.ToString(),
        });
        await Normalise.StartAsync();
        await Ingest.StartAsync();

        var (channel, invoker) = StackClients.Grpc(Ingest.Grpc);
        using (channel)
        {
            var registry = await ImportUpload.ImportAsync(invoker, World.Schools);
            registry.Outcome.ShouldBe("committed", registry.Error);
        }
    }

    public async Task DisposeAsync()
    {
        await Ingest.DisposeAsync();
        await Normalise.DisposeAsync();
        await Store.DisposeAsync();
        World.Dispose();
        if (Directory.Exists(_tables))
        {
            Directory.Delete(_tables, recursive: true);
        }
    }
}
