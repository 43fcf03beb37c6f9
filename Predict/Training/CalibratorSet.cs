using Uitstroom.Predict.Forecasting;

namespace Uitstroom.Predict.Training;

/// <summary>
/// One Platt calibrator per subject × horizon (years to the doorstroomtoets, rounded: 0 for groep 8 … 3 for groep 5),
/// with a global one where a cell had too few rows. A forecast made in groep 5 must be less sure than one made in
/// groep 8; a single calibrator across horizons made the early forecasts overconfident in the tails.
/// </summary>
public sealed record CalibratorSet(PlattCalibrator Global, PlattCalibrator?[] Cells)
{
    public const int Horizons = 4;

    // Two parameters are well determined by a few hundred rows; fewer and the global calibrator is safer.
    private const int MinimumRows = 300;

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

    public PlattCalibrator For(float[] features) => Cells[Cell(features)] ?? Global;

    public CalibratorSet Shifted(double logit) =>
        new(Global with { B = Global.B + logit }, [.. Cells.Select(c => c is null ? null : c with { B = c.B + logit })]);

    public static CalibratorSet Fit(IReadOnlyList<float[]> features, float[] scores, bool[] labels)
    {
        var global = PlattCalibrator.Fit(scores, labels);
        var cells = new PlattCalibrator?[3 * Horizons];
        var byCell = Enumerable.Range(0, features.Count).GroupBy(i => Cell(features[i]));
        foreach (var cell in byCell)
        {
            var rows = cell.ToArray();
            if (rows.Length >= MinimumRows)
            {
                cells[cell.Key] = PlattCalibrator.Fit([.. rows.Select(i => scores[i])], [.. rows.Select(i => labels[i])]);
            }
        }

        return new CalibratorSet(global, cells);
    }
}
