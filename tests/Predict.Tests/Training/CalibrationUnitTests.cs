using Uitstroom.Predict.Backtest;
using Uitstroom.Predict.Training;

namespace Uitstroom.Predict.Tests.Training;

/// <summary>The pieces of the pupil-level calibration: isotonic curve, year-level widening, clustered errors.</summary>
public sealed class CalibrationUnitTests
{
    [Fact]
    public void Isotonic_calibration_follows_a_curve_that_is_not_logistic_in_the_score()
    {
        // A step-shaped truth: Platt's logistic cannot bend like this, a monotone free curve can.
        static double Truth(double s) => s < 0 ? 0.05 + (0.02 * (s + 10)) : 0.9;
        var random = new Random(5);
        var scores = new float[40_000];
        var labels = new bool[scores.Length];
        for (var i = 0; i < scores.Length; i++)
        {
            scores[i] = (float)((random.NextDouble() * 20) - 10);
            labels[i] = random.NextDouble() < Truth(scores[i]);
        }

        var isotonic = IsotonicCalibrator.Fit(scores, labels);

        foreach (var s in new[] { -8.0, -4.0, -1.0, 2.0, 8.0 })
        {
            isotonic.Apply(s).ShouldBe(Truth(s), 0.04, $"score {s}");
        }

        isotonic.Probabilities.ShouldBe(isotonic.Probabilities.Order().ToArray());
    }

    [Fact]
    public void Isotonic_logits_stay_finite_where_every_held_out_row_reached_the_level()
    {
        var isotonic = IsotonicCalibrator.Fit([1f, 2f, 3f, 4f], [true, true, true, true]);

        double.IsFinite(isotonic.Logit(2.5)).ShouldBeTrue();
        isotonic.Apply(2.5).ShouldBe(1.0);
    }

    [Fact]
    public void Averaging_over_an_unknown_year_level_pulls_a_probability_towards_one_half_and_leaves_one_half_alone()
    {
        GaussHermite.LogisticNormalMean(0, 0.5).ShouldBe(0.5, 1e-12);
        GaussHermite.LogisticNormalMean(2, 0).ShouldBe(PlattCalibrator.Sigmoid(2), 1e-12);

        // Against a Monte Carlo average of σ(2 + δ), δ ~ N(0, 0.4).
        var random = new Random(11);
        double sum = 0;
        const int draws = 400_000;
        for (var i = 0; i < draws; i++)
        {
            var z = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
            sum += PlattCalibrator.Sigmoid(2 + (Math.Sqrt(0.4) * z));
        }

        var widened = GaussHermite.LogisticNormalMean(2, 0.4);
        widened.ShouldBe(sum / draws, 0.002);
        widened.ShouldBeLessThan(PlattCalibrator.Sigmoid(2));
    }

    [Fact]
    public void The_year_level_is_the_latest_cohort_with_the_spread_of_the_others_around_it()
    {
        var level = YearLevel.FromOffsets([0.4, -0.2, 0.0]);

        level.Centre.ShouldBe(0);
        level.Variance.ShouldBe(((0.4 * 0.4) + (0.2 * 0.2)) / 3, 1e-12);
        YearLevel.FromOffsets([0.0]).Variance.ShouldBe(0);
    }

    [Fact]
    public void A_decile_of_pupils_from_few_school_years_has_a_wider_standard_error_than_one_from_many()
    {
        // 1,000 rows with the same prediction, half reached; in 10 school-years that all-or-nothing, or spread over 1,000.
        var p = Enumerable.Repeat(0.5, 1000).ToArray();
        var y = Enumerable.Range(0, 1000).Select(i => i < 500).ToArray();
        var few = Enumerable.Range(0, 1000).Select(i => i / 100).ToArray();
        var many = Enumerable.Range(0, 1000).ToArray();

        var clustered = Metrics.Calibration(p, y, bins: 1, clusters: few).Single().StandardError;
        var independent = Metrics.Calibration(p, y, bins: 1, clusters: many).Single().StandardError;

        independent.ShouldBe(Math.Sqrt(0.25 * 1000) / 1000, 1e-9);
        clustered.ShouldBeGreaterThan(5 * independent);
    }
}
