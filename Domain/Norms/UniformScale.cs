namespace Uitstroom.Domain.Norms;

/// <summary>
/// The uniform scale every LVS result is put on, whatever the provider, subject or moment: 100 is exactly "on
/// track for 1F" at that moment, 200 exactly "on track for the target level" (2F for language, 1S for rekenen),
/// linear between the two cut scores of the norm table and extrapolated along the same line beyond them. So a value
/// says where a pupil stands relative to the reference levels, comparable across providers and moments.
/// </summary>
public static class UniformScale
{
    public const double OnTrackFundamental = 100;
    public const double OnTrackTarget = 200;

    /// <summary>The uniform value of a provider score, given that moment's cut scores.</summary>
    public static double FromScore(double score, NormCut cut) =>
        OnTrackFundamental + ((score - cut.Fundamental) / (cut.Target - cut.Fundamental)
            * (OnTrackTarget - OnTrackFundamental));

    /// <summary>The provider score that lands on a uniform value: the inverse of <see cref="FromScore"/>.</summary>
    public static double ToScore(double uniform, NormCut cut) =>
        cut.Fundamental + ((uniform - OnTrackFundamental) / (OnTrackTarget - OnTrackFundamental)
            * (cut.Target - cut.Fundamental));
}
