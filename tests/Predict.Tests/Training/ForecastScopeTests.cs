using Uitstroom.Domain.Histories;
using Uitstroom.Domain.Vocabulary;
using Uitstroom.Predict.Training;

namespace Uitstroom.Predict.Tests.Training;

/// <summary>
/// Which pupils are forecast on a peildatum. In December a new school year has brought groep 5 to 7 no LVS result
/// yet (their first is M in February), nor groep 8 at a DIA or IEP school (no B8): they are still in their groep.
/// </summary>
public sealed class ForecastScopeTests
{
    private static readonly DateOnly December = new(2026, 12, 4);
    private static readonly SchoolYear LastYear = new(2025);
    private static readonly SchoolYear ThisYear = new(2026);

    private static PupilHistory LastSeen(SchoolYear year, int groep, MomentKind kind, params OutflowResult[] outflow) => new(
        $"k{year.StartYear}-{groep}-{kind}",
        SchoolId.Create("99ZZ", 0),
        groep,
        year,
        [.. Subjects.All.Select(s => new ScaledResult(year, new TestMoment(kind, groep), s, "dia", 150, null, null))],
        outflow);

    [Theory]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(7)]
    public void A_pupil_last_tested_at_the_end_of_last_year_is_forecast_in_December_in_the_next_groep(int groepLastYear)
    {
        var pupil = LastSeen(LastYear, groepLastYear, MomentKind.Eind);

        ForecastModel.InScope(pupil, December).ShouldBeTrue();
    }

    [Fact]
    public void A_groep_8_pupil_of_a_school_without_B8_is_forecast_in_December_from_its_groep_7_results() =>
        ForecastModel.InScope(LastSeen(LastYear, 7, MomentKind.Eind), December).ShouldBeTrue();

    [Fact]
    public void A_pupil_with_a_result_this_year_is_forecast() =>
        ForecastModel.InScope(LastSeen(ThisYear, 8, MomentKind.Begin), December).ShouldBeTrue();

    [Fact]
    public void A_pupil_still_untested_this_year_after_the_midden_results_are_due_has_left_the_school() =>
        ForecastModel.InScope(LastSeen(LastYear, 6, MomentKind.Eind), new DateOnly(2027, 3, 1)).ShouldBeFalse();

    [Fact]
    public void A_pupil_last_seen_two_years_ago_has_left_the_school() =>
        ForecastModel.InScope(LastSeen(new SchoolYear(2024), 5, MomentKind.Eind), December).ShouldBeFalse();

    [Fact]
    public void A_pupil_who_left_groep_8_last_year_is_not_forecast()
    {
        var left = LastSeen(LastYear, 8, MomentKind.Midden, new OutflowResult(LastYear, Subject.Lezen, ReferenceLevel.Level2F, false));

        ForecastModel.InScope(left, December).ShouldBeFalse();
    }

    [Fact]
    public void A_pupil_in_groep_4_this_year_is_not_forecast_yet() =>
        ForecastModel.InScope(LastSeen(LastYear, 3, MomentKind.Eind), December).ShouldBeFalse();
}
