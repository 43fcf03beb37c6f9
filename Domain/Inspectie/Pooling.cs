namespace Uitstroom.Domain.Inspectie;

/// <summary>A pooled value over several outflow years, as the Inspectie publishes it.</summary>
public sealed record Pooled(int Years, int Pupils, int Results, double PercentFundamental, double PercentTarget)
{
    public double Percent(Indicator indicator) => indicator == Indicator.Fundamental ? PercentFundamental : PercentTarget;
}

/// <summary>
/// The pupil-weighted pooling of domain.md §4: Σ results reaching the level / Σ results counted, over every pupil ×
/// subject × year. Years therefore weigh by their pupil count, not equally.
/// </summary>
public static class Pooling
{
    public static Pooled Pool(IReadOnlyCollection<YearTally> years)
    {
        ArgumentNullException.ThrowIfNull(years);
        if (years.Select(y => y.Year).Distinct().Count() != years.Count)
        {
            throw new ArgumentException("a year is counted twice in the pooling");
        }

        var results = years.Sum(y => y.Results);
        return new Pooled(
            years.Count,
            years.Sum(y => y.Pupils),
            results,
            Percentages.Of(years.Sum(y => y.AtFundamental), results),
            Percentages.Of(years.Sum(y => y.AtTarget), results));
    }
}
