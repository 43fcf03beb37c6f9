using Uitstroom.Domain.Histories;
using Uitstroom.Domain.Vocabulary;

namespace Uitstroom.Predict.Forecasting;

/// <summary>The two questions asked of every pupil and subject: will it reach 1F, and the target level (2F/1S)?</summary>
public enum Target
{
    Fundamental,
    Streef,
}

public static class Targets
{
    public static readonly IReadOnlyList<Target> All = [Target.Fundamental, Target.Streef];

    public static string Code(this Target target) => target == Target.Fundamental ? "1F" : "streef";

    /// <summary>
    /// Whether a pupil reached the target in a subject, or null when it cannot count: no outflow result yet, or
    /// exempted (ontheffing), which the Inspectie leaves out of the indicators too.
    /// </summary>
    public static bool? Reached(PupilHistory history, Subject subject, Target target)
    {
        foreach (var o in history.Outflow)
        {
            if (o.Subject != subject)
            {
                continue;
            }

            if (o.Exempt || o.Level is not { } level)
            {
                return null;
            }

            return target == Target.Fundamental ? level.ReachesFundamental() : level.ReachesTarget(subject);
        }

        return null;
    }

    /// <summary>Whether the pupil was exempted from the doorstroomtoets (in any subject: then it counts nowhere).</summary>
    public static bool Exempt(PupilHistory history) => history.Outflow.Any(o => o.Exempt);
}
