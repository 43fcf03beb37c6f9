namespace Uitstroom.Predict.Backtest;

/// <summary>
/// The calibration of one backtest row (subject × target × moment) over many independent simulated worlds: each
/// decile's rows added up across the worlds. A probability is calibrated when it comes true as often as it says over
/// the years it is used; one world has one draw of national luck per test year, shared by every pupil in it, so a
/// single world's deciles all move together with that draw. Pooled over worlds the draws average out, and what is
/// left is the model's own miscalibration (docs/forecast.md).
/// </summary>
public static class PooledCalibration
{
    /// <summary>
    /// Each row of the first world with its deciles pooled over every world that has the row: decile k of world a
    /// and decile k of world b cover much the same probabilities, and a calibrated model's mixture of them is still
    /// calibrated. Only the calibration is pooled; the scores are the first world's.
    /// </summary>
    public static IReadOnlyList<BacktestRow> Over(IReadOnlyList<IReadOnlyList<BacktestRow>> worlds)
    {
        ArgumentNullException.ThrowIfNull(worlds);
        var byRow = worlds.SelectMany(w => w).ToLookup(r => (r.Subject, r.Target, r.Moment));
        return worlds[0].Select(r => r with { Calibration = Pool(byRow[(r.Subject, r.Target, r.Moment)].Select(w => w.Calibration)) }).ToArray();
    }

    /// <summary>
    /// One calibration table out of several of the same deciles (a row over worlds, or P(onder) over worlds): each
    /// decile's counts added, its predicted and observed shares weighted by its rows.
    /// </summary>
    public static CalibrationBin[] Pool(IEnumerable<IReadOnlyList<CalibrationBin>> tables) =>
        tables.SelectMany(bins => bins).GroupBy(b => b.Decile).OrderBy(g => g.Key).Select(g =>
        {
            var n = g.Sum(b => b.N);
            // Worlds are independent: the variances of their sums add.
            var se = Math.Sqrt(g.Sum(b => (double)b.N * b.N * b.StandardError * b.StandardError)) / n;
            return new CalibrationBin(g.Key, n, g.Sum(b => b.N * b.MeanPredicted) / n, g.Sum(b => b.N * b.Observed) / n, se);
        }).ToArray();
}
