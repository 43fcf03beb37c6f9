using Uitstroom.Domain.Vocabulary;

namespace Uitstroom.Predict.Snapshots;

/// <summary>
/// One cohort's scaled LVS results at one test moment of one school year, as sums: how many, their uniform values
/// added up, and how many were on track for 1F and for the target. Sums, not means, so that they can be counted
/// where the rows are and the rounding happens once, in <see cref="CohortTrends.Of"/>.
/// </summary>
public sealed record CohortMoment(
    SchoolId School,
    SchoolYear OutflowYear,
    Subject Subject,
    TestMoment Moment,
    SchoolYear Year,
    int Results,
    double UniformSum,
    int OnTrackFundamental,
    int OnTrackTarget);
