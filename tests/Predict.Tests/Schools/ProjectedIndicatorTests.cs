using Uitstroom.Domain.Inspectie;
using Uitstroom.Domain.Vocabulary;
using Uitstroom.Predict.Forecasting;
using Uitstroom.Predict.Schools;
using Uitstroom.Predict.Tests.Simulated;
using Uitstroom.Simulation;

namespace Uitstroom.Predict.Tests.Schools;

/// <summary>Acceptance 2 of issue 7: fed only known years, the projected indicator is the look-back.</summary>
public sealed class ProjectedIndicatorTests
{
    private static readonly Signaleringswaarden Table = Signaleringswaarden.Judgement2025;
    private static readonly SchoolForecaster Forecaster = new(Table, SchoolSwing.None, SchoolSwing.None);

    [Fact]
    public void A_judgement_year_of_known_years_projects_exactly_the_published_pooled_value_of_00AP()
    {
        // domain.md §4: 94.44% (n 18), 92.31% (n 13), 91.67% (n 12) pooled to 93.02% for %1F.
        var school = new SchoolInfo(SchoolId.Create("00AP", 0), "00000", 30);
        YearTally[] known =
        [
            YearTally.FromPublished(new SchoolYear(2022), 94.44, 60, 18),
            YearTally.FromPublished(new SchoolYear(2023), 92.31, 60, 13),
            YearTally.FromPublished(new SchoolYear(2024), 91.67, 60, 12),
        ];

        var projected = Forecaster.Project(school, new SchoolYear(2024), known, [], new DateOnly(2025, 9, 1));

        var fundamental = projected.Single(p => p.Indicator == Indicator.Fundamental);
        fundamental.Value.Expected.ShouldBe(93.02);
        fundamental.ExpectedOutcome.ShouldBe(Outcome.Boven);
        fundamental.ProbabilityBelow.ShouldBe(0);
        fundamental.Years.ShouldAllBe(y => y.Source == YearSource.Known);
    }

    [Fact]
    public void Every_simulated_school_projects_the_look_back_value_and_outcome_for_a_known_year()
    {
        var data = SimulatedHistories.Generate(new SimulationOptions { Seed = 5, Schools = 120 });
        var tallies = Tallies.BySchoolAndYear(data.Histories);
        var year = new SchoolYear(data.LatestKnownOutflowYear);
        var compared = 0;
        foreach (var (id, byYear) in tallies)
        {
            var info = data.Schools[id];
            JudgedYear Judged(int back) => byYear.TryGetValue(year.Plus(-back), out var t) ? JudgedYear.Known(t) : JudgedYear.Missing(year.Plus(-back));
            var lookBack = Judgement.Judge(new SchoolEvidence([Judged(2), Judged(1), Judged(0)], info.Schoolweging, [Judged(4), Judged(3)]), Table);

            var projected = Forecaster.Project(info, year, [.. byYear.Values], [], year.LastDay.AddDays(1));

            foreach (var p in projected)
            {
                var j = lookBack[p.Indicator];
                p.ExpectedOutcome.ShouldBe(j.FiveYear ?? j.Outcome);
                p.Signaleringswaarde.ShouldBe(j.Signaleringswaarde);
                if (j.Value is { } v)
                {
                    p.Value.Expected.ShouldBe(v);
                    p.Value.Low95.ShouldBe(p.Value.High95, 0.01);
                }

                var verdict = j.FiveYear ?? j.Outcome;
                if (p.ProbabilityBelow is { } below && verdict is Outcome.Boven or Outcome.Onder)
                {
                    below.ShouldBe(verdict == Outcome.Onder ? 1 : 0, 1e-9);
                }

                compared++;
            }
        }

        compared.ShouldBeGreaterThan(200);
    }

    [Fact]
    public void The_lowest_count_at_the_signaleringswaarde_follows_the_Inspectie_rounding()
    {
        // 85% of 60 results is 51; 50 results of 60 is 83.33%.
        SchoolForecaster.LowestCountAtOrAbove(85, 60).ShouldBe(51);
        // 3 · 43 results: 110/129 = 85.27% is the first at or above 85.
        SchoolForecaster.LowestCountAtOrAbove(85, 129).ShouldBe(110);
    }

    [Fact]
    public void A_school_with_a_weak_coming_cohort_is_rood_and_gets_a_gap_naming_cohort_and_subject()
    {
        var school = new SchoolInfo(SchoolId.Create("99ZZ", 0), "99999", 30);
        var now = new DateOnly(2026, 3, 1);
        YearTally[] known =
        [
            new(new SchoolYear(2023), 20, 60, 52, 30),
            new(new SchoolYear(2024), 20, 60, 52, 29),
        ];
        // 20 pupils in groep 8 now, each with a 30% chance of the target level in every subject: 77 of 180 expected.
        var forecasts = Enumerable.Range(0, 20)
            .SelectMany(i => Subjects.All.Select(s => new PupilForecast($"p{i}", school.Id, 8, new SchoolYear(2025), s, 0.95, 0.30)))
            .ToList();

        var outlook = Forecaster.Forecast(school, forecasts, known, now);

        var target = outlook.Indicators.First(i => i.Indicator == Indicator.Target);
        target.JudgementYear.ShouldBe(new SchoolYear(2025));
        target.Signaleringswaarde.ShouldBe(45.5);
        target.ProbabilityBelow!.Value.ShouldBeGreaterThan(0.5);
        outlook.Status.ShouldBe(SchoolStatus.Rood);
        var gap = outlook.Gaps.Single(g => g.Indicator == Indicator.Target && g.JudgementYear == new SchoolYear(2025));
        gap.ExtraResults.ShouldBeGreaterThan(0);
        gap.Where.ShouldAllBe(w => w.OutflowYear == new SchoolYear(2025) && w.GroepNow == 8);
        gap.Where.Sum(w => w.Extra).ShouldBe(gap.ExtraResults);
    }
}
