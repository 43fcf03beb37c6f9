using System.Diagnostics;
using Uitstroom.Tests;

namespace Uitstroom.Simulation.Tests;

public class RealismTests(RealismWorld world) : IClassFixture<RealismWorld>
{
    [Fact]
    public void The_shared_realism_checker_finds_every_statistic_of_a_600_school_world_within_tolerance()
    {
        var tool = Path.Combine(SharedData.Directory, "..", "tools", "sim-realism");
        File.Exists(tool).ShouldBeTrue($"the realism checker is expected at {tool}");
        var start = new ProcessStartInfo("python3") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(tool);
        start.ArgumentList.Add(world.Folder.Path);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        var errors = process.StandardError.ReadToEnd();
        process.WaitForExit();

        output.ShouldContain("18/18 statistics within tolerance", customMessage: output + errors);
        process.ExitCode.ShouldBe(0, output + errors);
    }

    [Fact]
    public void The_in_process_check_agrees_with_the_shared_checker_that_every_statistic_is_within_tolerance()
    {
        var stats = world.Check.Statistics();
        stats.Count.ShouldBe(18);
        stats.Where(s => !s.WithinTolerance).Select(s => $"{s.Name}: {s.Simulated:0.00} vs {s.Real:0.00}").ShouldBeEmpty();
    }

    [Fact]
    public void The_world_has_eight_school_years_of_lvs_files_and_seven_published_outflow_years()
    {
        Directory.GetDirectories(Path.Combine(world.Folder.Path, "lvs")).Length.ShouldBe(8);
        Directory.GetFiles(Path.Combine(world.Folder.Path, "doorstroomtoets"), "*.csv").Length.ShouldBe(7);
        // The chain JSON: one file per school and outflow year, in a folder per year.
        Directory.GetDirectories(Path.Combine(world.Folder.Path, "doorstroomtoets")).Length.ShouldBe(7);
        Directory.GetFiles(Path.Combine(world.Folder.Path, "doorstroomtoets"), "*.json", SearchOption.AllDirectories).Length
            .ShouldBeInRange(7 * 590, 7 * 600);
        File.ReadLines(Path.Combine(world.Folder.Path, "scholen.csv")).First().ShouldBe("bestuur;brin;vestiging;naam;schoolweging");
        world.Summary.LvsRows.ShouldBeGreaterThan(1_000_000);
    }
}
