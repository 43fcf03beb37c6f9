namespace Uitstroom.Domain.Inspectie;

/// <summary>
/// The Inspectie's judgement of a school's results (onderwijsresultatenmodel PO; domain.md §4), as a pure function.
/// Every rule below was checked against all 6,205 rows of the Inspectie's 2025 file (docs/inspectie-rules.md).
/// </summary>
public static class Judgement
{
    /// <summary>The three most recent outflow years are judged together.</summary>
    public const int JudgedYears = 3;

    /// <summary>A small school is judged over five years instead.</summary>
    public const int SmallSchoolYears = 5;

    /// <summary>Fewer pupils than this over the judged years makes a small school.</summary>
    public const int MinimumPupils = 15;

    public static SchoolJudgement Judge(SchoolEvidence evidence, Signaleringswaarden signaleringswaarden)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        ArgumentNullException.ThrowIfNull(signaleringswaarden);
        if (evidence.Years.Count != JudgedYears)
        {
            throw new ArgumentException($"the judgement needs exactly {JudgedYears} outflow years, got {evidence.Years.Count}");
        }

        var pooled = PoolJudgedYears(evidence);
        var complete = evidence.Years.All(y => y.Present);
        // A masked pooled value (the file writes * for the total too) only happens for tiny schools: the Inspectie
        // hides totals that would reveal a handful of pupils, so an unknown total counts as small.
        var small = complete && (pooled is null || pooled.Pupils < MinimumPupils);
        var fiveYear = small ? PoolFiveYears(evidence) : null;
        var band = evidence.Schoolweging is { } w ? signaleringswaarden.Band(w) : (int?)null;

        return new SchoolJudgement(
            evidence.Years,
            pooled,
            band,
            JudgeIndicator(Indicator.Fundamental, signaleringswaarden.FundamentalPercent, pooled, complete, small, fiveYear, signaleringswaarden),
            JudgeIndicator(Indicator.Target, signaleringswaarden.TargetPercent(evidence.Schoolweging), pooled, complete, small, fiveYear, signaleringswaarden),
            fiveYear);
    }

    /// <summary>
    /// At or above the signaleringswaarde is boven: the file has 85.00 → boven and 84.95 → onder. The value compared
    /// is the published one, rounded to 0.01.
    /// </summary>
    public static Outcome Compare(double value, double signaleringswaarde) =>
        value >= signaleringswaarde ? Outcome.Boven : Outcome.Onder;

    private static IndicatorJudgement JudgeIndicator(
        Indicator indicator, double? threshold, Pooled? pooled, bool complete, bool small, Pooled? fiveYear,
        Signaleringswaarden table)
    {
        var value = pooled?.Percent(indicator);
        // Te weinig gegevens takes precedence over the small-school rule: the file marks a school with a missing year
        // this way even when it has fewer than 15 pupils.
        if (!complete)
        {
            return new(indicator, value, threshold, Outcome.TeWeinigGegevens, null);
        }

        if (small)
        {
            // Over five years with still fewer than 15 pupils there is no verdict at all.
            Outcome? verdict = fiveYear is { Pupils: >= MinimumPupils } ? Decide(fiveYear.Percent(indicator), threshold, table) : null;
            return new(indicator, value, threshold, Outcome.KleineSchool, verdict);
        }

        return new(indicator, value, threshold, Decide(value!.Value, threshold, table), null);
    }

    private static Outcome Decide(double value, double? threshold, Signaleringswaarden table) =>
        threshold is { } limit ? Compare(value, limit) : WithoutSchoolwegingOutcome(value, table);

    /// <summary>
    /// Without a schoolweging there is no 1S/2F signaleringswaarde. The file judges such a school boven when its value
    /// is at or above every band's value (08VG|C1: 68.93 ≥ 68.3) and te weinig gegevens otherwise (16NS|C1, 16ZB|C2).
    /// By the same reasoning a value below every band's value is onder (no such school in the 2025 file).
    /// </summary>
    private static Outcome WithoutSchoolwegingOutcome(double value, Signaleringswaarden table) =>
        value >= table.TargetPercentByBand.Max() ? Outcome.Boven
        : value < table.TargetPercentByBand.Min() ? Outcome.Onder
        : Outcome.TeWeinigGegevens;

    private static Pooled? PoolJudgedYears(SchoolEvidence evidence)
    {
        if (evidence.Years.Any(y => y.Status == YearStatus.Masked))
        {
            // The years are hidden; the Inspectie still publishes the pooled value, which is then all there is.
            return evidence.PublishedPooled;
        }

        var known = evidence.Years.Where(y => y.Tally is not null).Select(y => y.Tally!).ToList();
        return known.Count == 0 ? evidence.PublishedPooled : Pooling.Pool(known);
    }

    /// <summary>The five-year pool of a small school: only when all five years are known.</summary>
    private static Pooled? PoolFiveYears(SchoolEvidence evidence)
    {
        var earlier = evidence.EarlierYears ?? [];
        var all = earlier.Concat(evidence.Years).ToList();
        if (all.Count != SmallSchoolYears || all.Any(y => y.Tally is null))
        {
            return null;
        }

        return Pooling.Pool([.. all.Select(y => y.Tally!)]);
    }
}
