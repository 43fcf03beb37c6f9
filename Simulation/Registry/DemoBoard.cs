namespace Uitstroom.Simulation.Registry;

/// <summary>
/// The demo board: 31 schools drawn like any others, then three ordinary ones (results as expected for their
/// schoolweging) given a steady downward trend: fine at the start of the simulated years, near the signaleringswaarde
/// by the current year and below it in the years to come, which is what a board's adviser should see signalled.
/// </summary>
public static class DemoBoard
{
    public const int DriftingSchools = 3;

    /// <summary>z per year: about −2.5 points of %1S/2F a year; trends are centred on the middle simulated year.</summary>
    public const double DriftPerYear = -0.07;

    public static List<SchoolPlan> Shape(List<SchoolPlan> schools)
    {
        // The schools closest to the median for their schoolweging drift; deterministic given the plan.
        var drifting = schools
            .OrderBy(s => Math.Abs(s.Effect - (Model.ModelParameters.SchoolwegingEffect * (s.Schoolweging - 30))))
            .ThenBy(s => s.Index)
            .Take(DriftingSchools)
            .Select(s => s.Index)
            .ToHashSet();
        return [.. schools.Select(s => drifting.Contains(s.Index) ? s with { TrendPerYear = DriftPerYear } : s)];
    }
}
