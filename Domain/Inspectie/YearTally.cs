using Uitstroom.Domain.Histories;
using Uitstroom.Domain.Vocabulary;

namespace Uitstroom.Domain.Inspectie;

/// <summary>
/// One school's outflow year, counted: the pupils that count (exempted pupils left out), the pupil × subject results
/// that count, and how many of those reached 1F and the target level. Every indicator is built from these counts,
/// never from rounded percentages, so pooling years is exact.
/// </summary>
public sealed record YearTally(SchoolYear Year, int Pupils, int Results, int AtFundamental, int AtTarget)
{
    /// <summary>Three subjects per pupil: the Inspectie's denominator is 3 · n.</summary>
    public const int SubjectsPerPupil = 3;

    public double PercentFundamental => Percentages.Of(AtFundamental, Results);

    public double PercentTarget => Percentages.Of(AtTarget, Results);

    public int Count(Indicator indicator) => indicator == Indicator.Fundamental ? AtFundamental : AtTarget;

    public double Percent(Indicator indicator) => Percentages.Of(Count(indicator), Results);

    /// <summary>
    /// The tally from pupil-level doorstroomtoets results. Each inner list is one pupil's results (any year; only
    /// <paramref name="year"/> counts). An exempted result (ontheffing) is left out, and so is a result without a
    /// level; a pupil counts when at least one of its results counts, so a pupil exempted for everything is not
    /// in the denominator at all.
    /// </summary>
    public static YearTally FromPupils(SchoolYear year, IEnumerable<IReadOnlyList<OutflowResult>> pupils)
    {
        ArgumentNullException.ThrowIfNull(pupils);
        int pupilCount = 0, results = 0, fundamental = 0, target = 0;
        foreach (var pupil in pupils)
        {
            var counted = pupil.Where(r => r.Year == year && !r.Exempt && r.Level is not null).ToList();
            if (counted.Count == 0)
            {
                continue;
            }

            if (counted.Select(r => r.Subject).Distinct().Count() != counted.Count)
            {
                throw new ArgumentException($"a pupil has more than one {year} result for the same subject");
            }

            pupilCount++;
            results += counted.Count;
            fundamental += counted.Count(r => r.Level!.Value.ReachesFundamental());
            target += counted.Count(r => r.Level!.Value.ReachesTarget(r.Subject));
        }

        return new YearTally(year, pupilCount, results, fundamental, target);
    }

    /// <summary>
    /// The tally behind a published year (two percentages rounded to 0.01 and the pupil count). The counts are
    /// recovered exactly: with 3 · n results, two results differ by 100 / (3 · n) ≥ 0.03 points for any real school
    /// (n ≤ 1,666), far more than the rounding.
    /// </summary>
    public static YearTally FromPublished(SchoolYear year, double percentFundamental, double percentTarget, int pupils)
    {
        if (pupils <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(pupils), pupils, $"a published year {year} needs at least one pupil");
        }

        var results = SubjectsPerPupil * pupils;
        return new YearTally(year, pupils, results, Recover(percentFundamental, results, year), Recover(percentTarget, results, year));
    }

    private static int Recover(double percent, int results, SchoolYear year)
    {
        if (percent is < 0 or > 100 || double.IsNaN(percent))
        {
            throw new ArgumentOutOfRangeException(nameof(percent), percent, $"a percentage for {year} must lie in 0..100");
        }

        return (int)Math.Round(percent * results / 100.0, MidpointRounding.AwayFromZero);
    }
}
