namespace Uitstroom.Predict.Backtest;

/// <summary>
/// A backtest's calibration as the acceptance judges it: per decile, predicted against observed share, within
/// <see cref="Tolerance"/>; a decile further off is "beyond chance" when it misses by more than two of its own
/// standard errors on top of the tolerance. Shares are fractions; the figures are in points.
/// </summary>
public sealed record CalibrationFigures(double MeanPoints, double WorstPoints, int RowsWithin, int Rows, int DecilesOff, int DecilesBeyondChance)
{
    public const double Tolerance = 0.03;

    public static double Deviation(CalibrationBin bin)
    {
        ArgumentNullException.ThrowIfNull(bin);
        return Math.Abs(bin.MeanPredicted - bin.Observed);
    }

    public static bool BeyondChance(CalibrationBin bin) => Deviation(bin) - Tolerance > 2 * bin.StandardError;

    public static CalibrationFigures Of(IReadOnlyCollection<BacktestRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var bins = rows.SelectMany(r => r.Calibration).ToArray();
        var off = bins.Where(b => Deviation(b) > Tolerance).ToArray();
        return new CalibrationFigures(
            100 * rows.Average(r => r.Calibration.Average(Deviation)),
            100 * bins.Max(Deviation),
            rows.Count(r => r.Calibration.All(b => Deviation(b) <= Tolerance)),
            rows.Count,
            off.Length,
            off.Count(BeyondChance));
    }

    /// <summary>Schools expected below a signaleringswaarde (Σ P(onder)) and observed below.</summary>
    public static (double Expected, double Observed) Below(SchoolBacktest schools)
    {
        ArgumentNullException.ThrowIfNull(schools);
        return (schools.BelowCalibration.Sum(b => b.N * b.MeanPredicted), schools.BelowCalibration.Sum(b => b.N * b.Observed));
    }
}
