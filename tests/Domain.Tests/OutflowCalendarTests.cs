using Uitstroom.Domain.Histories;

namespace Uitstroom.Domain.Tests;

public class OutflowCalendarTests
{
    [Theory]
    // Before the end of March the groep-8 cohort of 2025-26 has taken the doorstroomtoets, but its results are not out.
    [InlineData("2026-03-30", 2024, 2025)]
    // From the end of March they are: that cohort is known, and the groep-7 cohort is the first still to come.
    [InlineData("2026-03-31", 2025, 2026)]
    [InlineData("2026-07-31", 2025, 2026)]
    // A new school year: the old groep 7 is now in groep 8, still the first cohort at school.
    [InlineData("2026-08-01", 2025, 2026)]
    [InlineData("2026-12-04", 2025, 2026)]
    public void A_years_outcome_is_known_from_the_end_of_March_and_the_cohorts_after_it_are_still_at_school(string date, int lastKnown, int firstAtSchool)
    {
        var asOf = DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture);

        OutflowCalendar.LastKnownOutflowYear(asOf).ShouldBe(lastKnown);
        OutflowCalendar.FirstCohortAtSchool(asOf).StartYear.ShouldBe(firstAtSchool);
    }
}
