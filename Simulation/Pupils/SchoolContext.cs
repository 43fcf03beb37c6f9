using Uitstroom.Domain.Vocabulary;
using Uitstroom.Simulation.Model;
using Uitstroom.Simulation.Norms;
using Uitstroom.Simulation.Registry;
using P = Uitstroom.Simulation.Model.ModelParameters;

namespace Uitstroom.Simulation.Pupils;

/// <summary>
/// The effects shared by every pupil of one school, drawn once from the school's own stream: its subject profile,
/// one effect per cohort (by nominal outflow year) and one per doorstroomtoets day.
/// </summary>
internal sealed class SchoolContext
{
    public SchoolContext(SchoolPlan plan, SimulationOptions options, ShippedNorms norms, IReadOnlyDictionary<int, double> nationalYear, Rng rng)
    {
        Plan = plan;
        Options = options;
        Norms = norms;
        NationalYear = nationalYear;
        FirstYear = options.FirstYear.StartYear;
        CurrentYear = options.CurrentYear.StartYear;
        LastCohort = CurrentYear + 8 - options.FirstTestedGroep;
        MiddleYear = (FirstYear + CurrentYear) / 2.0;
        Profile = [.. Subjects.All.Select(_ => rng.Gaussian(0, P.SchoolSubjectSd))];
        for (var y = FirstYear; y <= LastCohort; y++)
        {
            Cohort[y] = rng.Gaussian(0, P.CohortEffectSd);
            TestDay[y] = rng.Gaussian(0, P.SchoolYearTestSd);
        }

        foreach (var subject in Subjects.All)
        {
            Outflow[(int)subject] = P.Outflow(subject);
        }
    }

    public SchoolPlan Plan { get; }

    public SimulationOptions Options { get; }

    public ShippedNorms Norms { get; }

    public IReadOnlyDictionary<int, double> NationalYear { get; }

    public int FirstYear { get; }

    public int CurrentYear { get; }

    /// <summary>The nominal outflow year of the youngest cohort with a tested groep in the current year.</summary>
    public int LastCohort { get; }

    public double MiddleYear { get; }

    public double[] Profile { get; }

    public Dictionary<int, double> Cohort { get; } = [];

    public Dictionary<int, double> TestDay { get; } = [];

    public (double Mean, double Sd)[] Outflow { get; } = new (double, double)[3];

    /// <summary>The school's effect for a cohort: stable part, its trend at that year, and the cohort's own effect.</summary>
    public double CohortEffect(int nominalOutflowYear) =>
        Plan.Effect + (Plan.TrendPerYear * (nominalOutflowYear - MiddleYear)) + Cohort.GetValueOrDefault(nominalOutflowYear);

    public bool InWindow(int year) => year >= FirstYear && year <= CurrentYear;
}
