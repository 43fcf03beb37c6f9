using Uitstroom.Domain.Vocabulary;

namespace Uitstroom.Domain.Histories;

/// <summary>
/// Which outflow years are known and which cohorts are still at school on a date. Ingest (which rows it streams and
/// sums) and Predict (which cohorts it forecasts and shows a trend for) must draw the line on the same day.
/// </summary>
public static class OutflowCalendar
{
    /// <summary>
    /// The start year of the last outflow year whose doorstroomtoets results are known on <paramref name="asOf"/>:
    /// they are out by the end of March; before that a year's outcome is not known.
    /// </summary>
    public static int LastKnownOutflowYear(DateOnly asOf) => asOf >= new DateOnly(asOf.Year, 3, 31) ? asOf.Year - 1 : asOf.Year - 2;

    /// <summary>
    /// The first outflow year still at school on <paramref name="asOf"/>: not before the school year of that date,
    /// and after the last year whose doorstroomtoets results were out.
    /// </summary>
    public static SchoolYear FirstCohortAtSchool(DateOnly asOf) =>
        new(Math.Max(SchoolYear.Containing(asOf).StartYear, LastKnownOutflowYear(asOf) + 1));
}
