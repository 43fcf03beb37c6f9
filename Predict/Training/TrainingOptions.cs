namespace Uitstroom.Predict.Training;

/// <summary>How a model is trained; the defaults are what the backtest in docs/forecast.md was measured with.</summary>
public sealed record TrainingOptions
{
    public Learner Learner { get; init; } = Learner.FastTree;

    /// <summary>
    /// Rows per target handed to the learner, sampled evenly over pupils and moments. Beyond a few hundred thousand
    /// rows the trees stop improving while training time keeps growing (docs/forecast.md).
    /// </summary>
    public int MaxRowsPerTarget { get; init; } = 200_000;

    public int Trees { get; init; } = 100;

    public int Leaves { get; init; } = 20;

    public int Seed { get; init; } = 7;
}
