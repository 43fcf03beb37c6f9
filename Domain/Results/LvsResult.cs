using Uitstroom.Domain.Vocabulary;

namespace Uitstroom.Domain.Results;

/// <summary>
/// One LVS result as an export carries it: the raw provider score with whatever norm position the export gave.
/// <see cref="PupilId"/> is the school's own identifier and lives only in memory during an import.
/// </summary>
public sealed record LvsResult(
    SchoolId School,
    string PupilId,
    SchoolYear Year,
    int Groep,
    TestMoment Moment,
    string Provider,
    Subject Subject,
    double Score,
    double? Percentile,
    string? Niveau,
    ReferenceLevel? ReportedLevel,
    DateOnly? TakenOn)
{
    /// <summary>The date from which the result counts in an "as of" question: the test date, else the moment's usual date.</summary>
    public DateOnly EffectiveDate => TakenOn ?? Moment.TypicalDate(Year);
}

/// <summary>One doorstroomtoets (or eindtoets) outcome for a pupil and subject; exempted pupils carry no level.</summary>
public sealed record OutflowRecord(
    SchoolId School,
    string PupilId,
    SchoolYear Year,
    string Provider,
    Subject Subject,
    ReferenceLevel? Level,
    bool Exempt);

/// <summary>A line of <c>scholen.csv</c>: a school location, its board and its schoolweging.</summary>
public sealed record SchoolRecord(string Bgnr, SchoolId School, string Name, double? Schoolweging);
