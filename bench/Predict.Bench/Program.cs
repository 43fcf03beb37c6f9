using System.Diagnostics;
using Uitstroom.Predict.Bench;
using Uitstroom.Predict.Tests.Simulated;
using Uitstroom.Predict.Training;
using Uitstroom.Simulation;

// Figures for docs/forecast.md. Usage: dotnet run -c Release --project bench/Predict.Bench -- <what> [options]
//   backtest [schools] [learner] [years] [seed]   temporal backtest on a simulated sample world, every row and the school level
//   worlds [first] [last] [schools] [years]   the backtest on the worlds of seeds first..last (default 11..23, 150 schools, 3 years), a line each
//   select [schools]               the backtest for every learner, and which one wins
//   train [pupils]                 training time on that many finished pupils' histories
//   board                          a 31-school demo board: cold and cached forecast per request
//   national [schools] [pupils]    every pupil of a national simulation forecast (repeated up to [pupils] if given)
var what = args.Length > 0 ? args[0] : "backtest";
var clock = Stopwatch.StartNew();
switch (what)
{
    case "backtest":
    {
        var schools = Number(1, 300);
        var learner = args.Length > 2 ? Learners.Parse(args[2]) : Learner.FastTree;
        var seed = Number(4, 11);
        var data = SimulatedHistories.Generate(new SimulationOptions { Seed = seed, Schools = schools });
        Console.WriteLine("national year effects (z): " + string.Join(", ", data.World.NationalYearEffects.OrderBy(e => e.Key).Select(e => $"{e.Key}:{e.Value:+0.000;-0.000}")));
        Console.WriteLine($"world: {data.Schools.Count} schools, {data.Histories.Count} histories, {clock.Elapsed.TotalSeconds:0.0} s");
        clock.Restart();
        var years = Number(3, 3);
        var summary = SimulatedWorld.Backtest(data, years, learner);
        Console.WriteLine($"backtest: {clock.Elapsed.TotalSeconds:0.0} s");
        Report.Print(summary);
        break;
    }

    case "train":
    {
        var pupils = Number(1, 100_000);
        // About 170 finished pupils per simulated school: enough schools for the asked number of histories.
        var data = SimulatedHistories.Generate(new SimulationOptions { Seed = 21, Schools = (pupils / 150) + 10 });
        var finished = data.Histories.Where(h => h.Outflow.Count > 0).Take(pupils).ToArray();
        Console.WriteLine($"world: {data.Schools.Count} schools, {finished.Length} finished pupils' histories ({finished.Sum(h => h.Results.Count)} results), {clock.Elapsed.TotalSeconds:0.0} s");
        foreach (var learner in args.Length > 2 ? [Learners.Parse(args[2])] : Learners.All)
        {
            clock.Restart();
            var model = ModelTrainer.Train(finished, new TrainingOptions { Learner = learner }, "bench");
            Console.WriteLine($"train {learner.Code()}: {clock.Elapsed.TotalSeconds:0.0} s (outflow years {string.Join(",", model.Info.TrainedOutflowYears)})");
        }

        break;
    }

    case "select":
    {
        var schools = Number(1, 150);
        var data = SimulatedHistories.Generate(new SimulationOptions { Seed = 11, Schools = schools });
        foreach (var learner in Learners.All)
        {
            clock.Restart();
            var summary = SimulatedWorld.Backtest(data, testYears: 3, learner);
            var k = summary.Schools!;
            Console.WriteLine($"{learner.Code(),-9} mean Brier {summary.MeanBrierByLearner[learner.Code()]:0.00000}, mean AUC {summary.Rows.Average(r => r.Model.Auc):0.000}, 80% range {k.Coverage80:0.000}, P(onder) Brier {k.BrierBelow:0.0000}; {clock.Elapsed.TotalSeconds:0} s");
        }

        break;
    }

    case "worlds":
        WorldsBench.Run(
            Number(1, 11),
            Number(2, 23),
            Number(3, 150),
            Number(4, 3));
        break;

    case "board":
        await BoardBench.RunAsync();
        break;

    case "national":
        NationalBench.Run(
            Number(1, 6200),
            Optional(2));
        break;

    default:
        Console.Error.WriteLine($"unknown benchmark '{what}'");
        return 2;
}

return 0;

// The whole-number argument at position i, or the fallback when it is not given.
int Number(int i, int fallback) => Optional(i) ?? fallback;

int? Optional(int i) => args.Length > i ? int.Parse(args[i], System.Globalization.CultureInfo.InvariantCulture) : null;
