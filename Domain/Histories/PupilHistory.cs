using Uitstroom.Domain.Vocabulary;

namespace Uitstroom.Domain.Histories;

/// <summary>
/// One LVS result as Predict sees it: already on the uniform scale (see <see cref="Norms.UniformScale"/>), with
/// the national percentile where the export gave one. The raw score stays in Ingest's store.
/// </summary>
public sealed record ScaledResult(
    SchoolYear Year,
    TestMoment Moment,
    Subject Subject,
    string Provider,
    double Uniform,
    double? Percentile,
    DateOnly? TakenOn);

/// <summary>The level a pupil reached on the doorstroomtoets for one subject; exempted pupils carry no level.</summary>
public sealed record OutflowResult(SchoolYear Year, Subject Subject, ReferenceLevel? Level, bool Exempt);

/// <summary>
/// Everything known about one pupil as of a date: the school and groep the pupil is in (or left groep 8 from),
/// every scaled LVS result so far and, once the pupil has left, its outflow results. <see cref="PupilKey"/> is the
/// store's keyed hash, never the school's own identifier.
/// </summary>
public sealed record PupilHistory(
    string PupilKey,
    SchoolId School,
    int Groep,
    SchoolYear Year,
    IReadOnlyList<ScaledResult> Results,
    IReadOnlyList<OutflowResult> Outflow)
{
    /// <summary>The school year this pupil sits (or sat) in groep 8: its outflow year, assuming no retention.</summary>
    public SchoolYear OutflowYear => Year.Plus(8 - Groep);
}
