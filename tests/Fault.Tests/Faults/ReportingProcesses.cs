using Uitstroom.Contracts.Predict.V1;
using Uitstroom.Fault.Tests.Processes;
using Uitstroom.Simulation;
using Uitstroom.Tests.Stack;

namespace Uitstroom.Fault.Tests.Faults;

/// <summary>
/// The whole stack as separate processes — PostgreSQL, Redis, Normalise, Ingest, Predict, Reporting — with a small
/// simulated world imported and a model trained. Reporting keeps no fetched part fresh (<c>Reporting__FreshFor=0</c>):
/// every report request reaches Predict, and so Predict's Redis cache, which is what the faults are about.
/// </summary>
public sealed class ReportingProcesses : IAsyncLifetime
{
    public const string Board = "90001";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"uitstroom-faults-{Guid.NewGuid():N}");

    public TestDatabase Store { get; private set; } = null!;

    public RedisProcess Redis { get; } = new(Ports.Redis);

    public ServiceProcess Normalise { get; private set; } = null!;

    public ServiceProcess Ingest { get; private set; } = null!;

    public ServiceProcess Predict { get; private set; } = null!;

    public ServiceProcess Reporting { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Store = await TestDatabase.CreateAsync();
        Directory.CreateDirectory(Path.Combine(_folder, "tables"));
        Directory.CreateDirectory(Path.Combine(_folder, "models"));
        Normalise = new ServiceProcess("Normalise", Ports.Normalise.Http, Ports.Normalise.Grpc, new Dictionary<string, string>
        {
            ["Normalise__TablesPath"] = Path.Combine(_folder, "tables"),
        });
        Ingest = new ServiceProcess("Ingest", Ports.Ingest.Http, Ports.Ingest.Grpc, new Dictionary<string, string>
        {
            ["ConnectionStrings__store"] = Store.ConnectionString,
            ["Uitstroom__PupilKeySecret"] = "fault-tests-pupil-key-secret-0123456789",
            ["services__normalise__grpc__0"] = Normalise.Grpc.ToString(),
        });
        Predict = new ServiceProcess("Predict", Ports.Predict.Http, Ports.Predict.Grpc, new Dictionary<string, string>
        {
            ["ConnectionStrings__cache"] = Redis.ConnectionString,
            ["services__ingest__grpc__0"] = Ingest.Grpc.ToString(),
            ["Predict__ModelsPath"] = Path.Combine(_folder, "models"),
            ["OMP_WAIT_POLICY"] = "PASSIVE",
        });
        Reporting = new ServiceProcess("Reporting", Ports.Reporting.Http, Ports.Reporting.Grpc, new Dictionary<string, string>
        {
            ["services__ingest__grpc__0"] = Ingest.Grpc.ToString(),
            ["services__predict__grpc__0"] = Predict.Grpc.ToString(),
            ["Reporting__FreshFor"] = "00:00:00",
            // Generous deadlines: CI machines are shared, and a missed deadline would read as a fault here.
            ["Reporting__IngestDeadline"] = "00:00:15",
            ["Reporting__PredictDeadline"] = "00:00:30",
        });

        await Redis.StartAsync();
        await Normalise.StartAsync();
        await Ingest.StartAsync();
        await Predict.StartAsync();
        await Reporting.StartAsync();

        using var world = SimulatedWorld.Write(new SimulationOptions { Seed = 2, Schools = 8, Years = 6 });
        var (ingestChannel, ingest) = StackClients.Grpc(Ingest.Grpc);
        using (ingestChannel)
        {
            foreach (var file in world.ImportOrder)
            {
                var report = await ImportUpload.ImportAsync(ingest, file);
                report.Outcome.ShouldBe("committed", $"{file}: {report.Error}");
            }
        }

        var (predictChannel, predict) = StackClients.Grpc(Predict.Grpc);
        using (predictChannel)
        {
            await new Models.ModelsClient(predict).TrainAsync(new TrainRequest(), deadline: DateTime.UtcNow.AddMinutes(5));
        }
    }

    public async Task DisposeAsync()
    {
        await Reporting.DisposeAsync();
        await Predict.DisposeAsync();
        await Ingest.DisposeAsync();
        await Normalise.DisposeAsync();
        await Redis.DisposeAsync();
        await Store.DisposeAsync();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
