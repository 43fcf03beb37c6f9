using Uitstroom.Domain.Histories;
using Uitstroom.Domain.Vocabulary;
using Uitstroom.Predict.Schools;
using Uitstroom.Simulation;

namespace Uitstroom.Predict.Tests.Simulated;

/// <summary>
/// A simulated world as Predict sees it on a date: every pupil's history at every school it sat in, and the
/// schools with their schoolweging. Shared by the tests and the benchmarks (linked into bench/Predict.Bench).
/// </summary>
public sealed record SimulatedHistories(
    World World, DateOnly AsOf, IReadOnlyList<PupilHistory> Histories, IReadOnlyDictionary<SchoolId, SchoolInfo> Schools)
{
    public static SimulatedHistories Generate(SimulationOptions options)
    {
        var world = World.Generate(options);
        var asOf = options.AsOf;
        var histories = new List<PupilHistory>();
        var schools = new Dictionary<SchoolId, SchoolInfo>();
        foreach (var school in world.Schools())
        {
            schools[school.Id] = new SchoolInfo(school.Id, school.Bestuur, school.Schoolweging);
            foreach (var pupil in school.Pupils)
            {
                histories.Add(pupil.ToHistory(school, asOf, $"{school.Id}/{pupil.LeerlingId}"));
            }
        }

        return new SimulatedHistories(world, asOf, histories, schools);
    }

    /// <summary>The latest outflow year whose results are known on <see cref="AsOf"/>.</summary>
    public int LatestKnownOutflowYear => Histories.Where(h => h.Outflow.Count > 0).Max(h => h.Outflow[0].Year.StartYear);
}
