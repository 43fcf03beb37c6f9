using Uitstroom.Domain.Vocabulary;

namespace Uitstroom.Simulation.Tests;

public class PupilTests
{
    private static readonly World World = World.Generate(new SimulationOptions { Seed = 11, Schools = 60 });
    private static readonly List<SimulatedSchool> Schools = [.. World.Schools()];
    private static readonly List<SimulatedPupil> Pupils = [.. Schools.SelectMany(s => s.Pupils)];

    [Fact]
    public void Careers_include_repeating_skipping_leaving_and_late_arrivals()
    {
        Pupils.Count(p => p.Truth.Retentions > 0).ShouldBeGreaterThan(0);
        Pupils.Count(p => p.Truth.Skips > 0).ShouldBeGreaterThan(0);
        Pupils.Count(p => p.Truth.Newcomer).ShouldBeGreaterThan(0);
        // Left before groep 8 although their cohort's groep 8 has passed.
        Pupils.Count(p => p.Outflow.Count == 0 && p.Placements.Count > 0 && p.Placements[^1].Year < World.Options.CurrentYear
            && p.Placements[^1].Groep < 8).ShouldBeGreaterThan(0);
        Pupils.Count(p => p.Placements.Count > 0 && p.Placements[0].Since.Month == 1).ShouldBeGreaterThan(0);
    }

    [Fact]
    public void About_two_to_three_percent_of_groep_8_pupils_are_exempted()
    {
        var outflowing = Pupils.Where(p => p.Outflow.Count > 0).ToList();
        var share = outflowing.Count(p => p.Outflow[0].Exempt) / (double)outflowing.Count;
        share.ShouldBeInRange(0.015, 0.04);
        outflowing.Where(p => p.Outflow[0].Exempt).ShouldAllBe(p => p.Outflow.All(o => o.Level == null));
    }

    [Fact]
    public void Nothing_after_the_as_of_date_is_in_the_lvs_results()
    {
        Pupils.SelectMany(p => p.Tests).ShouldAllBe(t => t.TakenOn <= World.Options.AsOf);
        Pupils.SelectMany(p => p.Tests).ShouldContain(t => t.Year == World.Options.CurrentYear && t.Moment.Kind == MomentKind.Midden);
        Pupils.SelectMany(p => p.Tests).ShouldNotContain(t => t.Year == World.Options.CurrentYear && t.Moment.Kind == MomentKind.Eind);
    }

    [Fact]
    public void True_probabilities_of_the_outflow_levels_sum_to_one_and_predict_the_levels_drawn()
    {
        var results = Pupils.SelectMany(p => p.Outflow).Where(o => !o.Exempt).ToList();
        results.ShouldAllBe(o => Math.Abs(o.PBelow1F + o.P1F + o.PTarget - 1) < 1e-9);
        // Calibration: the mean true probability of the target level matches the share drawn.
        var expected = results.Average(o => o.PTarget);
        var drawn = results.Count(o => o.Level == o.Subject.TargetLevel()) / (double)results.Count;
        Math.Abs(expected - drawn).ShouldBeLessThan(0.01);
    }

    [Fact]
    public void A_history_as_of_a_date_holds_only_what_was_known_then_on_the_uniform_scale()
    {
        var school = Schools[3];
        var pupil = school.Pupils.First(p => p.Tests.Count > 10 && p.Outflow.Count > 0);
        var asOf = pupil.Tests[pupil.Tests.Count / 2].TakenOn;
        var history = pupil.ToHistory(school, asOf, "key-1");

        history.School.ShouldBe(school.Id);
        history.Results.Count.ShouldBe(pupil.Tests.Count(t => t.TakenOn <= asOf));
        history.Results.Zip(pupil.Tests.Where(t => t.TakenOn <= asOf))
            .ShouldAllBe(p => Math.Abs(p.First.Uniform - p.Second.ObservedUniform) < 1e-6);
        var later = pupil.ToHistory(school, HistoryConversion.OutflowPublished(pupil.OutflowYear!.Value), "key-1");
        later.Outflow.Count.ShouldBe(3);
    }
}
