using Uitstroom.Simulation.Output;
using Uitstroom.Simulation.Realism;

namespace Uitstroom.Simulation.Tests;

/// <summary>One world of 600 schools written once for the realism tests (it takes a while on two cores).</summary>
public sealed class RealismWorld : IDisposable
{
    public RealismWorld()
    {
        Options = new SimulationOptions { Seed = 1, Schools = 600 };
        var world = World.Generate(Options);
        Check = new RealismCheck(Options);
        Summary = new WorldWriter(Folder.Path, lvsTruth: false).Write(world, Check.Observe);
    }

    public SimulationOptions Options { get; }

    public TempFolder Folder { get; } = new();

    public RealismCheck Check { get; }

    public WriteSummary Summary { get; }

    public void Dispose() => Folder.Dispose();
}
