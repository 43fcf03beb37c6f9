using Uitstroom.Domain.Inspectie;
using Uitstroom.Domain.Vocabulary;
using Uitstroom.Predict.Forecasting;

namespace Uitstroom.Predict.Schools;

/// <summary>
/// From pupil forecasts to a school's outlook: the coming outflow years with honest ranges, and the projected
/// Inspectie indicator of the next three judgement years, pooling the known years with the forecast ones through
/// the look-back's own rules (<see cref="Judgement"/>), so that a window of known years gives the look-back exactly.
/// </summary>
public sealed class SchoolForecaster(Signaleringswaarden signaleringswaarden, SchoolSwing swingFundamental, SchoolSwing swingStreef)
{
    // A pupil at risk: less than even chance of reaching the level.
    private const double AtRisk = 0.5;

    // Within reach: at risk, but not hopeless; the pupils extra support is most likely to lift.
    private const double WithinReachFrom = 0.2;

    public SchoolOutlook Forecast(
        SchoolInfo school, IReadOnlyList<PupilForecast> forecasts, IReadOnlyList<YearTally> known, DateOnly asOf)
    {
        var (knownByYear, coming) = Split(forecasts, known, SchoolYear.Containing(asOf));

        var years = new List<YearOutlook>();
        foreach (var c in coming.Values)
        {
            years.Add(Outlook(c, null));
            years.AddRange(Subjects.All.Select(s => Outlook(c, s)));
        }

        var indicators = new List<IndicatorOutlook>();
        var gaps = new List<Gap>();
        if (coming.Count > 0)
        {
            var first = coming.Keys.Min();
            for (var j = 0; j < 3; j++)
            {
                var judgementYear = first.Plus(j);
                foreach (var (outlook, gap) in Project(school, judgementYear, knownByYear, coming))
                {
                    indicators.Add(outlook);
                    if (gap is not null)
                    {
                        gaps.Add(gap);
                    }
                }
            }
        }

        var maxBelow = indicators.Select(i => i.ProbabilityBelow ?? 0).DefaultIfEmpty(0).Max();
        return new SchoolOutlook(school, years, indicators, StatusRule.Of(maxBelow), maxBelow, gaps);
    }

    /// <summary>
    /// The projected indicators of one judgement year, whatever mix of known and forecast years its window holds.
    /// With every year of the window known this is the look-back: the same tallies through the same judgement.
    /// </summary>
    public IReadOnlyList<IndicatorOutlook> Project(
        SchoolInfo school, SchoolYear judgementYear, IReadOnlyList<YearTally> known, IReadOnlyList<PupilForecast> forecasts, DateOnly asOf)
    {
        var (knownByYear, coming) = Split(forecasts, known, SchoolYear.Containing(asOf));
        return [.. Project(school, judgementYear, knownByYear, coming).Select(x => x.Item1)];
    }

    private static (Dictionary<SchoolYear, YearTally>, Dictionary<SchoolYear, ComingYear>) Split(
        IReadOnlyList<PupilForecast> forecasts, IReadOnlyList<YearTally> known, SchoolYear now)
    {
        var knownByYear = known.Where(t => t.Pupils > 0).ToDictionary(t => t.Year);
        var coming = forecasts
            .Where(f => !knownByYear.ContainsKey(f.OutflowYear))
            .GroupBy(f => f.OutflowYear)
            .OrderBy(g => g.Key)
            .Select(g => new ComingYear(g.Key, g.Key.StartYear - now.StartYear, [.. g]))
            .ToDictionary(c => c.Year);
        return (knownByYear, coming);
    }

    private SchoolSwing Swing(Indicator indicator) => indicator == Indicator.Fundamental ? swingFundamental : swingStreef;

    private static double P(PupilForecast f, Indicator indicator) => indicator == Indicator.Fundamental ? f.PFundamental : f.PStreef;

    // The count of a school-year shares one year level: its pupils' chances at the centred level, shifted together.
    private static double PAtLevel(PupilForecast f, Indicator indicator) =>
        indicator == Indicator.Fundamental ? f.PFundamentalAtLevel ?? f.PFundamental : f.PStreefAtLevel ?? f.PStreef;

    private YearOutlook Outlook(ComingYear c, Subject? subject)
    {
        var rows = subject is { } s ? c.Forecasts.Where(f => f.Subject == s).ToArray() : c.Forecasts;
        return new YearOutlook(
            c.Year,
            8 - c.YearsAhead,
            subject,
            c.Pupils,
            Range(c.Distribution(Indicator.Fundamental, subject, Swing(Indicator.Fundamental)), rows.Length),
            Range(c.Distribution(Indicator.Target, subject, Swing(Indicator.Target)), rows.Length),
            rows.Count(f => f.PFundamental < AtRisk),
            rows.Count(f => f.PStreef < AtRisk));
    }

    private static PercentRange Range(CountDistribution d, int results) =>
        results == 0
            ? new PercentRange(0, 0, 0, 0, 0)
            : new PercentRange(
                100 * d.Mean / results,
                Percent(d.Quantile(0.10), results),
                Percent(d.Quantile(0.90), results),
                Percent(d.Quantile(0.025), results),
                Percent(d.Quantile(0.975), results));

    private static double Percent(double count, int results) => Math.Clamp(100 * count / results, 0, 100);

    private IEnumerable<(IndicatorOutlook, Gap?)> Project(
        SchoolInfo school, SchoolYear judgementYear, Dictionary<SchoolYear, YearTally> known, Dictionary<SchoolYear, ComingYear> coming)
    {
        var window = Enumerable.Range(0, Judgement.JudgedYears).Select(i => judgementYear.Plus(i - Judgement.JudgedYears + 1)).ToArray();
        var earlier = Enumerable.Range(0, Judgement.SmallSchoolYears - Judgement.JudgedYears)
            .Select(i => judgementYear.Plus(i - Judgement.SmallSchoolYears + 1)).ToArray();

        // The expected tallies of forecast years go through the look-back's own judgement, so the pooling, the
        // exemptions, the small-school rule and "te weinig gegevens" are the Inspectie's, not a copy of them.
        JudgedYear Judged(SchoolYear y) =>
            known.TryGetValue(y, out var t) ? JudgedYear.Known(t)
            : coming.TryGetValue(y, out var c) ? JudgedYear.Known(c.ExpectedTally(swingFundamental, swingStreef))
            : JudgedYear.Missing(y);
        var evidence = new SchoolEvidence([.. window.Select(Judged)], school.Schoolweging, [.. earlier.Select(Judged)]);
        var judgement = Judgement.Judge(evidence, signaleringswaarden);
        var sources = window.Select(y => (y, known.ContainsKey(y) ? YearSource.Known : coming.ContainsKey(y) ? YearSource.Forecast : YearSource.Missing)).ToArray();

        foreach (var indicator in IndicatorLabels.All)
        {
            var verdict = judgement[indicator];
            // The small-school rule judges over five years: the probability is then of the five-year pool.
            SchoolYear[] pool = verdict.Outcome == Outcome.KleineSchool ? [.. earlier, .. window] : window;
            var complete = pool.All(y => known.ContainsKey(y) || coming.ContainsKey(y));
            var results = pool.Sum(y => known.TryGetValue(y, out var t) ? t.Results : coming.TryGetValue(y, out var c) ? c.Forecasts.Length : 0);
            var total = CountDistribution.Constant(pool.Sum(y => known.TryGetValue(y, out var t) ? t.Count(indicator) : 0));
            foreach (var y in pool.Where(coming.ContainsKey))
            {
                total = total.Plus(coming[y].Distribution(indicator, null, Swing(indicator)));
            }

            var range = Range(total, results);
            var value = verdict.Value is { } v ? range with { Expected = v } : range;
            double? below = null;
            int? needed = null;
            if (complete && results > 0 && verdict.Signaleringswaarde is { } limit && verdict.Outcome != Outcome.TeWeinigGegevens)
            {
                var lowestAbove = LowestCountAtOrAbove(limit, results);
                below = total.AtMost(lowestAbove - 1);
                needed = lowestAbove - (int)Math.Round(total.Mean);
            }

            var outlook = new IndicatorOutlook(judgementYear, indicator, sources, value, verdict.Signaleringswaarde, below, verdict.FiveYear ?? verdict.Outcome);
            var gap = needed is > 0 && (outlook.ExpectedOutcome == Outcome.Onder || below >= StatusRule.RoodFrom)
                ? new Gap(judgementYear, indicator, needed.Value, Allocate(needed.Value, indicator, pool.Where(coming.ContainsKey).Select(y => coming[y])))
                : null;
            yield return (outlook, gap);
        }
    }

    /// <summary>The smallest count of results at the level whose percentage, as the Inspectie rounds it, reaches the value.</summary>
    public static int LowestCountAtOrAbove(double signaleringswaarde, int results)
    {
        var guess = Math.Max(0, (int)Math.Floor(signaleringswaarde * results / 100) - 1);
        while (guess <= results && Judgement.Compare(Percentages.Of(guess, results), signaleringswaarde) == Outcome.Onder)
        {
            guess++;
        }

        return guess;
    }

    /// <summary>Spreads the extra results over cohorts and subjects, most pupils within reach first.</summary>
    private static List<GapShare> Allocate(int needed, Indicator indicator, IEnumerable<ComingYear> years)
    {
        var candidates = years
            .SelectMany(c => Subjects.All.Select(s => (c, s, reach: c.Forecasts.Count(f => f.Subject == s && P(f, indicator) is >= WithinReachFrom and < AtRisk))))
            .OrderByDescending(x => x.reach)
            .ThenBy(x => x.c.Year)
            .ToList();
        var shares = new List<GapShare>();
        var left = needed;
        foreach (var (c, s, reach) in candidates)
        {
            if (left <= 0 || reach == 0)
            {
                break;
            }

            var take = Math.Min(left, reach);
            shares.Add(new GapShare(c.Year, 8 - c.YearsAhead, s, take, reach));
            left -= take;
        }

        // More than the pupils within reach: the rest has to come from further below, in the nearest cohort.
        if (left > 0 && candidates.Count > 0)
        {
            var (c, s, reach) = candidates.OrderBy(x => x.c.Year).First();
            shares.Add(new GapShare(c.Year, 8 - c.YearsAhead, s, left, reach));
        }

        return shares;
    }

    /// <summary>One coming outflow year of the school, with its pupils' forecasts (three subjects each).</summary>
    private sealed record ComingYear(SchoolYear Year, int YearsAhead, PupilForecast[] Forecasts)
    {
        public int Pupils { get; } = Forecasts.Select(f => f.PupilKey).Distinct().Count();

        // One school's outlook asks for the same distribution many times (years, judgement windows, gaps).
        private readonly Dictionary<(Indicator, Subject?), CountDistribution> distributions = [];

        public CountDistribution Distribution(Indicator indicator, Subject? subject, SchoolSwing swing)
        {
            if (!distributions.TryGetValue((indicator, subject), out var d))
            {
                var p = Forecasts.Where(f => subject is null || f.Subject == subject).Select(f => PAtLevel(f, indicator)).ToArray();
                d = distributions[(indicator, subject)] = CountDistribution.Of(p, swing.ShiftVariance(YearsAhead));
            }

            return d;
        }

        public YearTally ExpectedTally(SchoolSwing fundamental, SchoolSwing streef) =>
            new(Year, Pupils, Forecasts.Length,
                (int)Math.Round(Distribution(Indicator.Fundamental, null, fundamental).Mean),
                (int)Math.Round(Distribution(Indicator.Target, null, streef).Mean));
    }
}
