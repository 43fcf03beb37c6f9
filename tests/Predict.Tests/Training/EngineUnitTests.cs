using Uitstroom.Domain.Histories;
using Uitstroom.Domain.Vocabulary;
using Uitstroom.Predict.Backtest;
using Uitstroom.Predict.Forecasting;
using Uitstroom.Predict.Schools;
using Uitstroom.Predict.Training;

namespace Uitstroom.Predict.Tests.Training;

public sealed class EngineUnitTests
{
    [Fact]
    public void Platt_calibration_recovers_the_slope_and_intercept_that_generated_the_labels()
    {
        var random = new Random(3);
        var scores = new float[20_000];
        var labels = new bool[scores.Length];
        for (var i = 0; i < scores.Length; i++)
        {
            scores[i] = (float)((random.NextDouble() * 40) - 20);
            labels[i] = random.NextDouble() < PlattCalibrator.Sigmoid((0.3 * scores[i]) - 1);
        }

        var fitted = PlattCalibrator.Fit(scores, labels);

        fitted.A.ShouldBe(0.3, 0.03);
        fitted.B.ShouldBe(-1, 0.15);
    }

    [Fact]
    public void Without_a_shared_shift_the_count_distribution_is_the_binomial_one()
    {
        var p = Enumerable.Repeat(0.3, 100).ToArray();
        var d = CountDistribution.Of(p, 0);

        d.Mean.ShouldBe(30, 1e-9);
        d.Variance.ShouldBe(21, 1e-9);
        d.Quantile(0.5).ShouldBe(30, 0.01);
        // P(X ≤ 30) of Binomial(100, 0.3) is 0.549; the normal with continuity correction gives 0.543.
        d.AtMost(30).ShouldBe(0.549, 0.01);
    }

    [Fact]
    public void A_shared_shift_widens_the_range_of_a_school_year()
    {
        var p = Enumerable.Repeat(0.6, 75).ToArray();
        var plain = CountDistribution.Of(p, 0);
        var swinging = CountDistribution.Of(p, 0.3);

        (swinging.Quantile(0.9) - swinging.Quantile(0.1)).ShouldBeGreaterThan(1.3 * (plain.Quantile(0.9) - plain.Quantile(0.1)));
        swinging.Mean.ShouldBe(plain.Mean, 1.0);
    }

    [Fact]
    public void AUC_counts_ties_half_and_ranks_perfectly_separated_scores_as_one()
    {
        Metrics.Auc([0.1, 0.2, 0.8, 0.9], [false, false, true, true]).ShouldBe(1.0);
        Metrics.Auc([0.5, 0.5], [false, true]).ShouldBe(0.5);
        Metrics.Auc([0.9, 0.1], [false, true]).ShouldBe(0.0);
    }

    [Fact]
    public void Features_ignore_results_taken_after_the_peildatum()
    {
        var year = new SchoolYear(2024);
        var history = new PupilHistory("k", SchoolId.Create("00AP", 0), 7, year,
        [
            new ScaledResult(year.Previous, TestMoment.Parse("M6"), Subject.Rekenen, "CITO", 120, null, new DateOnly(2024, 2, 1)),
            new ScaledResult(year, TestMoment.Parse("M7"), Subject.Rekenen, "CITO", 150, null, new DateOnly(2025, 2, 1)),
            new ScaledResult(year, TestMoment.Parse("E7"), Subject.Rekenen, "CITO", 400, null, new DateOnly(2025, 6, 1)),
        ], []);

        var features = FeatureBuilder.Build(history, new DateOnly(2025, 3, 1));

        var rekenen = features[(int)Subject.Rekenen];
        rekenen.Latest.ShouldBe(150);
        rekenen.ResultCount.ShouldBe(2);
        rekenen.SlopePerYear.ShouldBe(30, 0.01);
        rekenen.OwnMissing.ShouldBe(0);
        features[(int)Subject.Lezen].OwnMissing.ShouldBe(1);
        features[(int)Subject.Lezen].Latest.ShouldBe(150);
        rekenen.YearsToOutflow.ShouldBe(8.5f - (7 + (212 / 365f)), 0.01);
    }

    [Fact]
    public void An_unknown_learner_names_the_choices()
    {
        Should.Throw<ArgumentException>(() => Learners.Parse("xgboost")).Message.ShouldContain("fasttree, lightgbm or logistic");
    }
}
