using Uitstroom.Simulation;
using Uitstroom.Simulation.Output;

namespace Uitstroom.Service.Tests;

/// <summary>
/// A simulated demo board written to a temporary folder as the files a school board would upload, in the order the
/// demo imports them (schools, LVS exports, doorstroomtoets results); the folder goes with it.
/// </summary>
public sealed class DemoWorldFiles : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"uitstroom-world-{Guid.NewGuid():N}");

    public DemoWorldFiles(int seed = 3)
    {
        var world = World.Generate(SimulationOptions.Demo(seed));
        new WorldWriter(_folder, lvsTruth: false).Write(world);
        Bgnr = world.Boards.ShouldHaveSingleItem().Bestuur;
        ImportOrder = [.. new[] { Path.Combine(_folder, "scholen.csv") }
            .Concat(Directory.GetFiles(Path.Combine(_folder, "lvs"), "*.csv", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            .Concat(Directory.GetFiles(Path.Combine(_folder, "doorstroomtoets"), "*.csv").Order(StringComparer.Ordinal))];
    }

    public string Bgnr { get; }

    public IReadOnlyList<string> ImportOrder { get; }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
