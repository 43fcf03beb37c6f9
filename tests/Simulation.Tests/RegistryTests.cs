using Uitstroom.Simulation.Registry;

namespace Uitstroom.Simulation.Tests;

public class RegistryTests
{
    // Planning the national registry draws no pupils, so it is cheap.
    private static readonly World National = World.Generate(SimulationOptions.National(3));

    [Fact]
    public void The_national_world_has_about_6200_schools_in_boards_like_the_real_ones()
    {
        National.Plans.Count.ShouldBe(6200);
        var boards = National.Boards;
        boards.Sum(b => b.SchoolCount).ShouldBe(6200);
        boards.Count.ShouldBeInRange(650, 950);
        (boards.Count(b => b.SchoolCount == 1) / (double)boards.Count).ShouldBeInRange(0.30, 0.45);
        boards.Max(b => b.SchoolCount).ShouldBeInRange(35, 70);
    }

    [Fact]
    public void Schoolweging_and_groep_size_follow_the_real_distributions()
    {
        var weging = National.Plans.Select(p => p.Schoolweging).ToList();
        weging.Average().ShouldBeInRange(29.4, 30.2);
        var mean = weging.Average();
        Math.Sqrt(weging.Sum(w => (w - mean) * (w - mean)) / weging.Count).ShouldBeInRange(3.4, 4.0);
        weging.ShouldAllBe(w => w >= 20 && w <= 40);

        var sizes = National.Plans.Select(p => p.GroupSize).Order().ToList();
        sizes[sizes.Count / 2].ShouldBeInRange(21, 27);
        sizes[sizes.Count / 10].ShouldBeInRange(8, 12);
        sizes[sizes.Count * 9 / 10].ShouldBeInRange(44, 56);
    }

    [Fact]
    public void Providers_come_in_the_realistic_shares()
    {
        var share = National.Plans.GroupBy(p => p.Provider).ToDictionary(g => g.Key, g => g.Count() / 6200.0);
        share["CITO"].ShouldBeInRange(0.47, 0.53);
        share["IEP"].ShouldBeInRange(0.37, 0.43);
        share["DIA"].ShouldBeInRange(0.08, 0.12);
    }

    [Fact]
    public void Codes_and_names_are_fictional_and_unique()
    {
        National.Plans.ShouldAllBe(p => p.Id.Brin.StartsWith('Z') && p.Bestuur.StartsWith('9'));
        National.Plans.Select(p => p.Id).Distinct().Count().ShouldBe(6200);
        FictionalNames.Brin(1).ShouldBe("Z001");
    }

    [Fact]
    public void The_demo_board_is_one_board_of_31_schools_three_of_which_drift_down()
    {
        var demo = World.Generate(SimulationOptions.Demo(1));
        demo.Boards.Count.ShouldBe(1);
        demo.Plans.Count.ShouldBe(31);
        demo.Plans.Count(p => p.TrendPerYear == DemoBoard.DriftPerYear).ShouldBe(DemoBoard.DriftingSchools);
    }
}
