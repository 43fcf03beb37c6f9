namespace Uitstroom.Predict.Training;

/// <summary>
/// The level a coming outflow year is expected at, and how far from it that year may lie, both on the logit scale
/// of the calibrated probabilities. The expected level is the most recent known cohort's (the calibration cohort,
/// offset 0): the known cohorts are not exchangeable (the doorstroomtoets that replaced the eindtoets in 2024 came out
/// lower, domain.md §2), and centring on their mean, or on an exponentially weighted mean or a three-year trend, was
/// measured worse on every simulated world tried (docs/forecast.md, "Drift"). The variance is the mean square of the
/// known cohorts' offsets from the most recent one (its own 0 included): how far a year has been seen to lie from it.
/// </summary>
public sealed record YearLevel(double Centre, double Variance)
{
    /// <param name="offsets">Each known cohort's logit offset from the calibration cohort, the calibration cohort's own (0) included.</param>
    public static YearLevel FromOffsets(IReadOnlyCollection<double> offsets) =>
        new(0, offsets.Count > 1 ? offsets.Average(o => o * o) : 0);

}
