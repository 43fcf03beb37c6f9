using System.Diagnostics;
using Uitstroom.Predict.Tests.Simulated;
using Uitstroom.Predict.Training;
using Uitstroom.Simulation;

namespace Uitstroom.Predict.Bench;

/// <summary>
/// Every pupil of a national simulation (6,200 schools, about 1.36 million pupils) through the model: histories
/// are built school batch by school batch (the world streams), and only the forecasting is timed.
/// </summary>
internal static class NationalBench
{
    public static void Run(int schools)
    {
        var train = SimulatedHistories.Generate(new SimulationOptions { Seed = 31, Schools = 150 });
        var model = ModelTrainer.Train(train.Histories, new TrainingOptions(), "bench");
        var options = SimulationOptions.National(7) with { Schools = schools };
        var world = World.Generate(options);
        var asOf = options.AsOf;
        long pupils = 0, forecasts = 0;
        var forecasting = new Stopwatch();
        var total = Stopwatch.StartNew();
        var batch = new List<Domain.Histories.PupilHistory>();
        foreach (var school in world.Schools())
        {
            foreach (var pupil in school.Pupils)
            {
                batch.Add(pupil.ToHistory(school, asOf, $"{school.Id}/{pupil.LeerlingId}"));
            }

            pupils += school.Pupils.Count;
            if (batch.Count >= 50_000)
            {
                forecasting.Start();
                forecasts += model.Predict(batch, asOf).Count;
                forecasting.Stop();
                batch.Clear();
            }
        }

        forecasting.Start();
        forecasts += model.Predict(batch, asOf).Count;
        forecasting.Stop();
        Console.WriteLine($"national: {schools} schools, {pupils} pupils, {forecasts / 3} in groep 5–8 forecast ({forecasts} pupil × subject rows, both targets)");
        Console.WriteLine($"forecasting: {forecasting.Elapsed.TotalSeconds:0.0} s; with simulating and building the histories {total.Elapsed.TotalSeconds:0.0} s");
    }
}
