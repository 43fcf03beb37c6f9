using Uitstroom.Predict.Forecasting;

namespace Uitstroom.Predict.Training;

/// <summary>
/// One calibrator per subject × horizon (years to the doorstroomtoets, rounded: 0 for groep 8 … 3 for groep 5): an
/// isotonic one where the cell has enough held-out rows, else Platt's, else a global Platt calibrator. A forecast made
/// in groep 5 must be less sure than one made in groep 8; a single calibrator across horizons made the early forecasts
/// overconfident in the tails, and Platt's logistic shape left 3–5 points in single deciles that isotonic removes
/// (docs/forecast.md). <see cref="Shift"/> moves every logit to the year level the set is centred on;
/// <see cref="YearVariance"/> is how far a coming year may lie from that level (<see cref="YearLevel"/>).
/// </summary>
public sealed record CalibratorSet(
    PlattCalibrator Global, PlattCalibrator?[] Cells, double YearVariance = 0, IsotonicCalibrator?[]? Isotonic = null, double Shift = 0)
{
    public const int Horizons = 4;

    // Two parameters are well determined by a few hundred rows; fewer and the global calibrator is safer.
    private const int MinimumRows = 300;

    // A free monotone curve needs many more: with 2,000 rows its pooled blocks hold ~50 rows even in the tails.
    private const int IsotonicMinimumRows = 2_000;

    public static int Cell(float[] features)
    {
        var subject = 0;
        for (var s = 0; s < 3; s++)
        {
            if (features[PupilFeatures.Count + s] > 0.5f)
            {
                subject = s;
            }
        }

        var horizon = Math.Clamp((int)Math.Round(features[PupilFeatures.Count - 1]), 0, Horizons - 1);
        return (subject * Horizons) + horizon;
    }

    public CalibratorSet Shifted(double logit) => this with { Shift = Shift + logit };

    /// <summary>The calibrated logit, at the year level the set is centred on.</summary>
    public double Logit(float[] features, float score)
    {
        var cell = Cell(features);
        if (Isotonic?[cell] is { } isotonic)
        {
            return isotonic.Logit(score) + Shift;
        }

        var c = Cells[cell] ?? Global;
        return (c.A * score) + c.B + Shift;
    }

    public static CalibratorSet Fit(IReadOnlyList<float[]> features, float[] scores, bool[] labels)
    {
        var global = PlattCalibrator.Fit(scores, labels);
        var cells = new PlattCalibrator?[3 * Horizons];
        var isotonic = new IsotonicCalibrator?[3 * Horizons];
        var byCell = Enumerable.Range(0, features.Count).GroupBy(i => Cell(features[i]));
        foreach (var cell in byCell)
        {
            var rows = cell.ToArray();
            if (rows.Length >= MinimumRows)
            {
                cells[cell.Key] = PlattCalibrator.Fit([.. rows.Select(i => scores[i])], [.. rows.Select(i => labels[i])]);
            }

            if (rows.Length >= IsotonicMinimumRows)
            {
                isotonic[cell.Key] = IsotonicCalibrator.Fit([.. rows.Select(i => scores[i])], [.. rows.Select(i => labels[i])]);
            }
        }

        return new CalibratorSet(global, cells, 0, isotonic);
    }
}
