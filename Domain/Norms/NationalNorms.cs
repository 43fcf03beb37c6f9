using Uitstroom.Domain.Vocabulary;

namespace Uitstroom.Domain.Norms;

/// <summary>
/// Where the reference levels sit in the national distribution: the z of "on track for 1F" and "on track for the
/// target level", from the national shares at the end of groep 8 (domain.md §2, eindtoets 2022-23: rekenen <1F 7%,
/// 1S 45%; lezen 2%, 74%; taalverzorging 2%, 63%). Percentiles and bands are national positions by definition, so
/// these two numbers per subject put them on the uniform scale for any provider, also one whose table has only cuts.
/// The shipped tables place their cuts at these same z at every moment (docs/uniform-scale.md).
/// </summary>
public static class NationalNorms
{
    public static double ShareBelowFundamental(Subject subject) => subject switch
    {
        Subject.Rekenen => 0.07,
        _ => 0.02,
    };

    public static double ShareAtTarget(Subject subject) => subject switch
    {
        Subject.Rekenen => 0.45,
        Subject.Lezen => 0.74,
        _ => 0.63,
    };

    /// <summary>The national z of the 1F cut.</summary>
    public static double FundamentalZ(Subject subject) => NormalDistribution.InverseCdf(ShareBelowFundamental(subject));

    /// <summary>The national z of the target-level cut.</summary>
    public static double TargetZ(Subject subject) => NormalDistribution.InverseCdf(1 - ShareAtTarget(subject));
}
