using Uitstroom.Simulation.Model;
using Uitstroom.Simulation.Norms;
using Uitstroom.Simulation.Pupils;
using Uitstroom.Simulation.Registry;

namespace Uitstroom.Simulation;

/// <summary>
/// A simulated world: the registry (boards, planned schools) at once, the pupils school by school on demand.
/// Each school is drawn from its own seeded stream, so <see cref="School"/> gives the same school whether it is
/// asked for alone, in order, or in parallel; <see cref="Schools"/> streams them with bounded memory.
/// <code>
/// var world = World.Generate(new SimulationOptions { Seed = 7, Schools = 300 });
/// foreach (var school in world.Schools()) { … school.Pupils … }
/// </code>
/// </summary>
public sealed class World
{
    private World(SimulationOptions options, ShippedNorms norms)
    {
        options.Validate();
        Options = options;
        Norms = norms;
        (Boards, Plans) = RegistryPlanner.Plan(options, norms.Providers);
        NationalYearEffects = DrawYearEffects(options);
    }

    public SimulationOptions Options { get; }

    public ShippedNorms Norms { get; }

    public IReadOnlyList<SimulatedBoard> Boards { get; }

    public IReadOnlyList<SchoolPlan> Plans { get; }

    /// <summary>Per outflow year (start year of the school year): the national effect on the doorstroomtoets, in z.</summary>
    public IReadOnlyDictionary<int, double> NationalYearEffects { get; }

    public static World Generate(SimulationOptions options) => new(options, ShippedNorms.Instance);

    public static World Generate(SimulationOptions options, ShippedNorms norms) => new(options, norms);

    /// <summary>Draws one school with all its pupils (deterministic for the world's seed and the school's index).</summary>
    public SimulatedSchool School(int index) =>
        SchoolSimulator.Simulate(Plans[index], Options, Norms, NationalYearEffects);

    /// <summary>
    /// Every school in index order, drawn in parallel batches ahead of the consumer; at most two batches are held
    /// in memory, so a national world streams.
    /// </summary>
    public IEnumerable<SimulatedSchool> Schools(int batchSize = 64)
    {
        Task<SimulatedSchool[]>? next = null;
        for (var start = 0; start < Plans.Count; start += batchSize)
        {
            var current = next ?? DrawBatch(start, batchSize);
            var following = start + batchSize;
            next = following < Plans.Count ? DrawBatch(following, batchSize) : null;
            foreach (var school in current.GetAwaiter().GetResult())
            {
                yield return school;
            }
        }
    }

    private Task<SimulatedSchool[]> DrawBatch(int start, int batchSize) => Task.Run(() =>
    {
        var count = Math.Min(batchSize, Plans.Count - start);
        var batch = new SimulatedSchool[count];
        Parallel.For(0, count, i => batch[i] = School(start + i));
        return batch;
    });

    private static Dictionary<int, double> DrawYearEffects(SimulationOptions options)
    {
        var rng = Rng.For(options.Seed, "national-years");
        var first = options.FirstYear.StartYear;
        var last = options.CurrentYear.StartYear + 8;
        var effects = Enumerable.Range(first, last - first + 1).ToDictionary(y => y, _ => rng.Gaussian(0, ModelParameters.NationalYearSd));
        // Centred over the simulated years, so the world as a whole keeps the national shares it was fitted to.
        var mean = effects.Where(e => e.Key <= options.CurrentYear.StartYear).Average(e => e.Value);
        return effects.ToDictionary(e => e.Key, e => e.Value - mean);
    }
}
