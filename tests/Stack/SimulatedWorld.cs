using Uitstroom.Simulation;
using Uitstroom.Simulation.Output;

namespace Uitstroom.Tests.Stack;

/// <summary>
/// A simulated world written to a temporary folder in the import formats (as <c>uitstroom simulate</c> writes it),
/// and the files to import in the order demo.sh imports them: the registry, the LVS results, the doorstroomtoets
/// results. The simulator's truth is left out: it is never imported.
/// </summary>
public sealed class SimulatedWorld : IDisposable
{
    private SimulatedWorld(string folder, World world)
    {
        Folder = folder;
        World = world;
    }

    public string Folder { get; }

    public World World { get; }

    public string Schools => Path.Combine(Folder, "scholen.csv");

    /// <summary>lvs/&lt;school year&gt;/&lt;provider&gt;.csv.</summary>
    public IReadOnlyList<string> LvsFiles => Files("lvs", SearchOption.AllDirectories);

    /// <summary>doorstroomtoets/&lt;school year&gt;.csv (the per-school chain JSON beside them holds the same results).</summary>
    public IReadOnlyList<string> OutflowFiles => Files("doorstroomtoets", SearchOption.TopDirectoryOnly);

    /// <summary>Everything to import, registry first (results of unknown schools are rejected).</summary>
    public IReadOnlyList<string> ImportOrder => [Schools, .. LvsFiles, .. OutflowFiles];

    public static SimulatedWorld Write(SimulationOptions options)
    {
        var folder = Path.Combine(Path.GetTempPath(), $"uitstroom-world-{Guid.NewGuid():N}");
        var world = World.Generate(options);
        new WorldWriter(folder, lvsTruth: false).Write(world);
        Directory.Delete(Path.Combine(folder, "truth"), recursive: true);
        return new SimulatedWorld(folder, world);
    }

    /// <summary>
    /// Every school year's LVS file of one provider as one file (one header): a larger import, so that a fault can
    /// land in the middle of it.
    /// </summary>
    public string MergedLvs(string provider)
    {
        var target = Path.Combine(Folder, $"merged-{provider}.csv");
        using var writer = new StreamWriter(target);
        var first = true;
        foreach (var file in LvsFiles.Where(f => Path.GetFileNameWithoutExtension(f).Equals(provider, StringComparison.OrdinalIgnoreCase)))
        {
            using var reader = new StreamReader(file);
            var header = reader.ReadLine();
            if (first)
            {
                writer.WriteLine(header);
                first = false;
            }

            while (reader.ReadLine() is { } line)
            {
                writer.WriteLine(line);
            }
        }

        return target;
    }

    public void Dispose()
    {
        if (Directory.Exists(Folder))
        {
            Directory.Delete(Folder, recursive: true);
        }
    }

    private List<string> Files(string area, SearchOption depth) =>
        Directory.Exists(Path.Combine(Folder, area))
            ? [.. Directory.EnumerateFiles(Path.Combine(Folder, area), "*.csv", depth).Order(StringComparer.Ordinal)]
            : [];
}
