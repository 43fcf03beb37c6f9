namespace Uitstroom.Predict.Schools;

/// <summary>
/// How much a school's outflow year moves together, beyond the chance of its individual pupils: the variance of a
/// shift on the logit scale shared by all pupils of one school-year. Real schools swing a lot (domain.md §7), and
/// part of it is a teacher, a cohort's mood or a test day that no LVS result foresees.
/// <see cref="SchoolYearVariance"/> is indexed by how many years ahead the forecast was made (0 = in groep 8,
/// 3 = in groep 5); <see cref="DriftVariance"/> is the national year-to-year shift that the calibrator cannot know
/// for a year still to come (the second half of the drift handling, docs/forecast.md).
/// </summary>
public sealed record SchoolSwing(double[] SchoolYearVariance, double DriftVariance)
{
    public static SchoolSwing None { get; } = new([0, 0, 0, 0], 0);

    public double ShiftVariance(int yearsAhead) =>
        SchoolYearVariance[Math.Clamp(yearsAhead, 0, SchoolYearVariance.Length - 1)] + DriftVariance;
}
