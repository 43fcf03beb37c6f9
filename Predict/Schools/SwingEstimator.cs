using Uitstroom.Domain.Histories;
using Uitstroom.Domain.Vocabulary;
using Uitstroom.Predict.Training;

namespace Uitstroom.Predict.Schools;

/// <summary>
/// Estimates <see cref="SchoolSwing"/> by the method of moments. For a school-year with K pupil×subject results,
/// expected mean e, realised mean r and binomial variance b/K², a shared logit shift δ ~ N(0, τ²) adds about
/// (mean p(1−p))²·τ² to the variance of r − e; so τ² = Σ((r−e)² − b/K²) / Σ (mean p(1−p))², clamped at 0.
/// </summary>
public static class SwingEstimator
{
    // Scoring every earlier cohort only to measure its offset is wasteful: a sample shows the offset as well.
    private const int DriftSample = 60_000;

    /// <summary>
    /// τ² per years-ahead from the calibration cohort (at the level the calibrator was fitted on, before any widening),
    /// beside the <paramref name="drift"/> variance (<see cref="YearLevel"/>): how far a year still to come may lie from
    /// the level the model is centred on.
    /// </summary>
    public static SchoolSwing Estimate(
        BinaryModel model, IReadOnlyList<PupilHistory> held, List<Example> heldExamples, double drift)
    {
        var rows = heldExamples.Select(e => e.Features).ToArray();
        var p = model.Probabilities(rows, model.Scores(rows)).AtLevel;
        var byYearsAhead = new double[4];
        for (var ahead = 0; ahead < 4; ahead++)
        {
            var groups = new Dictionary<(SchoolId, TestMoment), Moments>();
            for (var i = 0; i < heldExamples.Count; i++)
            {
                var e = heldExamples[i];
                if (8 - e.Moment.Groep != ahead)
                {
                    continue;
                }

                var key = (held[e.Pupil].School, e.Moment);
                groups[key] = groups.GetValueOrDefault(key).Add(p[i], e.Reached);
            }

            byYearsAhead[ahead] = SchoolYearVariance(groups.Values);
        }

        return new SchoolSwing(byYearsAhead, drift);
    }

    /// <summary>τ² from school-year tallies (see the type's summary).</summary>
    public static double SchoolYearVariance(IEnumerable<Moments> groups)
    {
        double excess = 0, weight = 0;
        foreach (var g in groups)
        {
            // A school-year with a handful of results says nothing about its swing that chance would not.
            if (g.K < 10)
            {
                continue;
            }

            var d = (g.Realised - g.Expected) / g.K;
            var binomial = g.Binomial / ((double)g.K * g.K);
            var slope = g.Binomial / g.K;
            excess += (d * d) - binomial;
            weight += slope * slope;
        }

        return weight > 0 ? Math.Max(0, excess / weight) : 0;
    }

    /// <summary>
    /// How far each earlier cohort lies from the calibration cohort on the logit scale: (Σy − Σp) / Σp(1−p), the
    /// one-step estimate of the intercept shift that would make the cohort's mean forecast match its outcome.
    /// </summary>
    public static Dictionary<int, double> CohortOffsets(BinaryModel model, IReadOnlyList<PupilHistory> fit, List<Example> fitExamples)
    {
        var step = Math.Max(1, fitExamples.Count / DriftSample);
        var sample = fitExamples.Where((_, i) => i % step == 0).ToArray();
        var p = model.Probabilities([.. sample.Select(e => e.Features)]);
        var byCohort = new Dictionary<int, Moments>();
        for (var i = 0; i < sample.Length; i++)
        {
            var year = fit[sample[i].Pupil].OutflowYear.StartYear;
            byCohort[year] = byCohort.GetValueOrDefault(year).Add(p[i], sample[i].Reached);
        }

        // A cohort seen through a few hundred rows has an offset mostly made of chance.
        return byCohort.Where(c => c.Value.K >= 500 && c.Value.Binomial > 0)
            .ToDictionary(c => c.Key, c => (c.Value.Realised - c.Value.Expected) / c.Value.Binomial);
    }

    /// <summary>Running sums of one group: count, Σp, Σy and Σp(1−p).</summary>
    public readonly record struct Moments(int K, double Expected, double Realised, double Binomial)
    {
        public Moments Add(double p, bool reached) =>
            new(K + 1, Expected + p, Realised + (reached ? 1 : 0), Binomial + (p * (1 - p)));
    }
}
