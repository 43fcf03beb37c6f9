using Uitstroom.Domain.Vocabulary;
using Uitstroom.Simulation.Model;
using P = Uitstroom.Simulation.Model.ModelParameters;

namespace Uitstroom.Simulation.Registry;

/// <summary>
/// Draws the boards and schools of a world: board sizes (a third run one school, a long tail up to ~70), per school
/// the schoolweging and groep size from the real quantiles, the LVS provider, and the hidden school effect.
/// </summary>
public static class RegistryPlanner
{
    public static (IReadOnlyList<SimulatedBoard> Boards, IReadOnlyList<SchoolPlan> Schools) Plan(SimulationOptions options, IReadOnlyList<string> providers)
    {
        var rng = Rng.For(options.Seed, "registry");
        var count = options.SchoolCount;
        var sizes = options.Scale == WorldScale.Demo ? [count] : BoardSizes(rng, count);

        var boards = new List<SimulatedBoard>(sizes.Count);
        var schools = new List<SchoolPlan>(count);
        var brin = 0;
        for (var b = 0; b < sizes.Count; b++)
        {
            var bestuur = FictionalNames.Bestuur(b);
            boards.Add(new SimulatedBoard(bestuur, FictionalNames.Board(b, rng.Below(100)), sizes[b]));
            for (var k = 0; k < sizes[b]; k++)
            {
                var index = schools.Count;
                // About 4% of schools are a second vestiging of the BRIN before them (real: 228 BRINs with 2+).
                var second = k > 0 && schools[^1].Id.Vestiging == 0 && rng.Chance(0.04);
                var id = second ? new SchoolId(schools[^1].Id.Brin, 1) : new SchoolId(FictionalNames.Brin(++brin), 0);
                var schoolweging = Math.Round(P.FromQuantiles(P.SchoolwegingQuantiles, rng.Uniform()), 2);
                var size = P.FromQuantiles(P.GroupSizeQuantiles, rng.Uniform());
                var provider = PickProvider(rng, providers);
                var tests = P.DoorstroomtoetsFor(provider);
                var test = tests[rng.Pick([.. tests.Select(t => t.Share)])].Test;
                var effect = (P.SchoolwegingEffect * (schoolweging - 30)) + rng.Gaussian(0, P.SchoolEffectSd);
                var trend = rng.Gaussian(0, P.SchoolTrendSd);
                schools.Add(new SchoolPlan(index, id, bestuur, FictionalNames.School(index, rng.Below(1000)), schoolweging, size, provider, test, effect, trend));
            }
        }

        if (options.Scale == WorldScale.Demo)
        {
            schools = DemoBoard.Shape(schools);
        }

        return (boards, schools);
    }

    private static List<int> BoardSizes(Rng rng, int schools)
    {
        var sizes = new List<int>();
        var left = schools;
        while (left > 0)
        {
            var size = rng.Chance(P.OneSchoolBoardShare)
                ? 1
                : Math.Clamp((int)Math.Round(P.BoardSizeMedian * Math.Exp(rng.Gaussian(0, P.BoardSizeLogSd))), 2, P.LargestBoard);
            size = Math.Min(size, left);
            sizes.Add(size);
            left -= size;
        }

        return sizes;
    }

    private static string PickProvider(Rng rng, IReadOnlyList<string> available)
    {
        // Providers without a shipped norm table cannot be written; their share goes to the others.
        var shares = P.LvsProviders.Where(p => available.Contains(p.Provider)).ToArray();
        if (shares.Length == 0)
        {
            throw new InvalidOperationException("no shipped norm table for CITO, IEP or DIA: cannot write LVS scores");
        }

        return shares[rng.Pick([.. shares.Select(s => s.Share)])].Provider;
    }
}
