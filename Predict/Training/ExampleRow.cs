using Microsoft.ML.Data;
using Uitstroom.Predict.Forecasting;

namespace Uitstroom.Predict.Training;

/// <summary>
/// One row as Microsoft.ML sees it: a pupil × subject at a peildatum. The subject enters as one-hot columns so that
/// one model per target learns what the three subjects share (the uniform scale makes them alike) and where they differ.
/// </summary>
public sealed class ExampleRow
{
    public const int Width = PupilFeatures.Count + 3;

    [VectorType(Width)]
    public float[] Features { get; set; } = [];

    public bool Label { get; set; }

    public static float[] Vector(PupilFeatures f)
    {
        var v = new float[Width];
        f.ToVector().CopyTo(v, 0);
        v[PupilFeatures.Count + (int)f.Subject] = 1f;
        return v;
    }
}

/// <summary>The score column a trained model adds: a margin (trees) or a logit (logistic), calibrated afterwards.</summary>
public sealed class ScoreRow
{
    public float Score { get; set; }
}
