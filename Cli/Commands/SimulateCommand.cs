using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using Uitstroom.Simulation;
using Uitstroom.Simulation.Output;
using Uitstroom.Simulation.Realism;

namespace Uitstroom.Cli.Commands;

/// <summary>
/// <c>uitstroom simulate</c>: a synthetic world in the product's import formats (docs/simulation.md). Runs in-process;
/// it needs no running stack.
/// </summary>
internal static class SimulateCommand
{
    public static Command Create()
    {
        var output = new Option<DirectoryInfo>("--out") { Description = "folder to write the world to", Required = true };
        var seed = new Option<int>("--seed") { Description = "random seed: the same seed gives byte-identical files", DefaultValueFactory = _ => 1 };
        var schools = new Option<int>("--schools") { Description = "number of schools (default 300)", DefaultValueFactory = _ => 300 };
        var national = new Option<bool>("--national") { Description = "the whole country: about 6,200 schools (LVS from groep 5)" };
        var demo = new Option<bool>("--demo") { Description = "the demo board: one fictional board of 31 schools" };
        var years = new Option<int>("--years") { Description = "school years of data, ending with the current one", DefaultValueFactory = _ => 8 };
        var check = new Option<bool>("--check") { Description = "print the realism statistics beside the real ones" };
        var noLvsTruth = new Option<bool>("--no-lvs-truth") { Description = "leave out truth/lvs (the noise-free value of every LVS result)" };
        var command = new Command("simulate", "Write a simulated world (boards, schools, pupils, LVS and outflow results, truth).")
        {
            output, seed, schools, national, demo, years, check, noLvsTruth,
        };
        command.SetAction((parse, ct) => CliRunner.RunAsync(() =>
        {
            if (parse.GetValue(national) && parse.GetValue(demo))
            {
                throw new ArgumentException("--national and --demo exclude each other");
            }

            var s = parse.GetValue(seed);
            var options = parse.GetValue(national) ? SimulationOptions.National(s)
                : parse.GetValue(demo) ? SimulationOptions.Demo(s)
                : new SimulationOptions { Seed = s, Schools = parse.GetValue(schools) };
            options = options with { Years = parse.GetValue(years) };
            var world = World.Generate(options);
            var realism = parse.GetValue(check) ? new RealismCheck(options) : null;
            var dir = parse.GetValue(output)!.FullName;
            var summary = new WorldWriter(dir, lvsTruth: !parse.GetValue(noLvsTruth)).Write(world, realism is null ? null : realism.Observe);
            var inv = CultureInfo.InvariantCulture;
            AnsiConsole.MarkupLineInterpolated(
                $"wrote [bold]{summary.Schools.ToString("N0", inv)}[/] schools of {world.Boards.Count.ToString(inv)} boards, {summary.Pupils.ToString("N0", inv)} pupils, {summary.LvsRows.ToString("N0", inv)} LVS results, {summary.OutflowRows.ToString("N0", inv)} outflow results to {dir} in {summary.Elapsed.TotalSeconds.ToString("0.0", inv)} s");
            AnsiConsole.MarkupLineInterpolated($"years {options.FirstYear}..{options.CurrentYear} as of {options.AsOf.ToString("yyyy-MM-dd", inv)}; providers {string.Join(", ", world.Norms.Providers)}; truth in {Path.Combine(dir, "truth")} (never import it)");
            if (realism is not null)
            {
                var table = new Table().AddColumns("statistic", "simulated", "real", "tolerance", "");
                var stats = realism.Statistics();
                foreach (var stat in stats)
                {
                    table.AddRow(stat.Name, stat.Simulated.ToString("0.00", inv), stat.Real.ToString("0.00", inv), "±" + stat.Tolerance.ToString(inv),
                        stat.WithinTolerance ? "[green]ok[/]" : "[red]OFF[/]");
                }

                AnsiConsole.Write(table);
                var off = stats.Count(x => !x.WithinTolerance);
                AnsiConsole.MarkupLineInterpolated($"simulator realism: {stats.Count - off}/{stats.Count} statistics within tolerance");
                // The real values are statistics over 6,000 schools; a world of a few dozen cannot be held to them.
                if (summary.Schools < 200)
                {
                    AnsiConsole.MarkupLine("[yellow]note:[/] fewer than 200 schools: too few for the tolerances to mean much; not failing on them");
                }
                else if (off > 0)
                {
                    throw new ArgumentException($"{off} realism statistics outside their tolerance");
                }
            }

            return Task.CompletedTask;
        }));
        return command;
    }
}
