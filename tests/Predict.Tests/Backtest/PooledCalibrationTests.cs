using Uitstroom.Predict.Backtest;

namespace Uitstroom.Predict.Tests.Backtest;

public sealed class PooledCalibrationTests
{
    private static readonly Scores None = new(0, 0, 0, 0, 0, 0);

    private static BacktestRow Row(string moment, params CalibrationBin[] bins) => new("rekenen", "1F", moment, None, None, None, bins);

    [Fact]
    public void Two_worlds_lucky_and_unlucky_in_opposite_directions_pool_to_a_calibrated_decile()
    {
        // World a's year came out 4 points better than forecast, world b's 4 points worse: each alone misses the
        // 3-point tolerance, together they are what a calibrated forecast looks like over years.
        var a = new[] { Row("M5", new CalibrationBin(1, 1000, 0.50, 0.54, 0.010)) };
        var b = new[] { Row("M5", new CalibrationBin(1, 1000, 0.50, 0.46, 0.010)) };

        var pooled = PooledCalibration.Over([a, b]).ShouldHaveSingleItem().Calibration.ShouldHaveSingleItem();

        pooled.N.ShouldBe(2000);
        pooled.MeanPredicted.ShouldBe(0.50, 1e-12);
        pooled.Observed.ShouldBe(0.50, 1e-12);
        // Independent worlds: sqrt(1000² · 0.01² · 2) / 2000.
        pooled.StandardError.ShouldBe(0.01 / Math.Sqrt(2), 1e-12);
        CalibrationFigures.Of(a).RowsWithin.ShouldBe(0);
        CalibrationFigures.Of(PooledCalibration.Over([a, b])).RowsWithin.ShouldBe(1);
    }

    [Fact]
    public void Deciles_are_weighted_by_their_rows_and_kept_apart_per_row_and_decile()
    {
        var a = new[]
        {
            Row("M5", new CalibrationBin(1, 100, 0.10, 0.20), new CalibrationBin(2, 100, 0.60, 0.60)),
            Row("M8", new CalibrationBin(1, 50, 0.30, 0.30)),
        };
        var b = new[]
        {
            Row("M8", new CalibrationBin(1, 150, 0.70, 0.50)),
            Row("M5", new CalibrationBin(1, 300, 0.30, 0.40), new CalibrationBin(2, 100, 0.80, 0.90)),
        };

        var pooled = PooledCalibration.Over([a, b]);

        pooled.Select(r => r.Moment).ShouldBe(["M5", "M8"]);
        var m5 = pooled[0].Calibration;
        m5.Select(bin => bin.Decile).ShouldBe([1, 2]);
        m5[0].N.ShouldBe(400);
        m5[0].MeanPredicted.ShouldBe(((100 * 0.10) + (300 * 0.30)) / 400, 1e-12);
        m5[0].Observed.ShouldBe(((100 * 0.20) + (300 * 0.40)) / 400, 1e-12);
        m5[1].MeanPredicted.ShouldBe(0.70, 1e-12);
        m5[1].Observed.ShouldBe(0.75, 1e-12);
        var m8 = pooled[1].Calibration.ShouldHaveSingleItem();
        m8.MeanPredicted.ShouldBe(((50 * 0.30) + (150 * 0.70)) / 200, 1e-12);
        m8.Observed.ShouldBe(((50 * 0.30) + (150 * 0.50)) / 200, 1e-12);
    }
}
