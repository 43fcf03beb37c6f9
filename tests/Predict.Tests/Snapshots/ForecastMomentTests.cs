using Uitstroom.Domain.Vocabulary;
using Uitstroom.Predict.Snapshots;

namespace Uitstroom.Predict.Tests.Snapshots;

public sealed class ForecastMomentTests
{
    [Theory]
    [InlineData("2026-12-04", 2026, "B")]
    [InlineData("2026-11-04", 2025, "E")]
    [InlineData("2026-02-21", 2025, "B")]
    [InlineData("2026-02-22", 2025, "M")]
    [InlineData("2026-06-22", 2025, "E")]
    [InlineData("2026-08-15", 2025, "E")]
    public void A_peildatum_belongs_to_the_latest_moment_whose_results_are_in(string peildatum, int schoolYear, string moment)
    {
        var of = ForecastMoment.Of(DateOnly.Parse(peildatum, System.Globalization.CultureInfo.InvariantCulture));

        of.ShouldBe(ForecastMoment.Parse(schoolYear, moment));
        of.Peildatum.ShouldBeLessThanOrEqualTo(DateOnly.Parse(peildatum, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void The_half_years_before_a_moment_are_its_midden_and_eind_moments_newest_first()
    {
        var now = ForecastMoment.Of(new DateOnly(2026, 12, 4));

        now.HalfYearsBefore(4).Select(m => m.Label).ShouldBe(["2025-2026 E", "2025-2026 M", "2024-2025 E", "2024-2025 M"]);
        ForecastMoment.Of(new DateOnly(2026, 3, 1)).HalfYearsBefore(2).Select(m => m.Label).ShouldBe(["2024-2025 E", "2024-2025 M"]);
    }

    [Fact]
    public void An_unknown_moment_code_is_refused()
    {
        Should.Throw<FormatException>(() => ForecastMoment.Parse(2025, "X")).Message.ShouldContain("'X'");
        new ForecastMoment(new SchoolYear(2025), MomentKind.Midden).Label.ShouldBe("2025-2026 M");
    }
}
