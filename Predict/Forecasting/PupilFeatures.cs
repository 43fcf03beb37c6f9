using Uitstroom.Domain.Vocabulary;

namespace Uitstroom.Predict.Forecasting;

/// <summary>
/// What the model sees of one pupil and one subject as of a peildatum: the pupil's own line in that subject, the
/// other two subjects (a pupil strong in reading tends to stay strong in spelling), and how far the outflow test is.
/// All values are on the uniform scale (100 = on track for 1F, 200 = on track for the target), so every provider
/// feeds the same model. Missing subjects are imputed, and flagged so that a learner can tell.
/// </summary>
public sealed record PupilFeatures(
    Subject Subject,
    float Latest,
    float RecentMean,
    float SlopePerYear,
    float ResultCount,
    float YearsSinceLatest,
    float OtherLatest,
    float OtherSlopePerYear,
    float OwnMissing,
    float OtherMissing,
    float YearsToOutflow)
{
    public const int Count = 10;

    /// <summary>The vector in the fixed order every model is trained on (see <see cref="Names"/>).</summary>
    public float[] ToVector() =>
        [Latest, RecentMean, SlopePerYear, ResultCount, YearsSinceLatest, OtherLatest, OtherSlopePerYear, OwnMissing, OtherMissing, YearsToOutflow];

    public static IReadOnlyList<string> Names { get; } =
        ["latest", "recent_mean", "slope_per_year", "result_count", "years_since_latest", "other_latest", "other_slope_per_year", "own_missing", "other_missing", "years_to_outflow"];
}
