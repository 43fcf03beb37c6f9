using Uitstroom.Domain.Vocabulary;

namespace Uitstroom.Domain.Inspectie;

/// <summary>What is known of one outflow year of a school.</summary>
public enum YearStatus
{
    /// <summary>Results are there and counted.</summary>
    Known,

    /// <summary>Results are there but not published: the Inspectie writes <c>*</c> when a year had fewer than 5 pupils.</summary>
    Masked,

    /// <summary>No results for this year (a new school, a merger, a year without a doorstroomtoets).</summary>
    Missing,
}

/// <summary>One outflow year as the judgement sees it; <see cref="Tally"/> is set exactly when the year is known.</summary>
public sealed record JudgedYear(SchoolYear Year, YearStatus Status, YearTally? Tally)
{
    public static JudgedYear Known(YearTally tally) =>
        new((tally ?? throw new ArgumentNullException(nameof(tally))).Year, tally.Pupils > 0 ? YearStatus.Known : YearStatus.Missing, tally.Pupils > 0 ? tally : null);

    public static JudgedYear Masked(SchoolYear year) => new(year, YearStatus.Masked, null);

    public static JudgedYear Missing(SchoolYear year) => new(year, YearStatus.Missing, null);

    public bool Present => Status != YearStatus.Missing;
}
