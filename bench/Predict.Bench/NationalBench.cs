using System.Diagnostics;
using Uitstroom.Predict.Tests.Simulated;
using Uitstroom.Predict.Training;
using Uitstroom.Simulation;

namespace Uitstroom.Predict.Bench;

/// <summary>
/// Every pupil of a national simulation (6,200 schools) through the model. The world is simulated and the histories
/// built first (the simulator draws schools in parallel, which would otherwise compete with the forecast for the two
/// cores); then only the forecasting is timed: features, both learners, calibration, for every pupil in groep 5–8.
/// </summary>
internal static class NationalBench
{
    /// <param name="repeatTo">
    /// When given, the pupils in groep 5–8 are repeated up to this many before forecasting: the 1.36 million
    /// counts more pupils than a national world has in groep 5–8 (groep 1–4 are not forecast), so this measures
    /// whether that many histories could be forecast within the time asked.
    /// </param>
    public static void Run(int schools, int? repeatTo = null)
    {
        var train = SimulatedHistories.Generate(new SimulationOptions { Seed = 31, Schools = 150 });
        var model = ModelTrainer.Train(train.Histories, new TrainingOptions(), "bench");
        var options = SimulationOptions.National(7) with { Schools = schools };
        var world = World.Generate(options);
        var asOf = options.AsOf;
        long pupils = 0;
        var total = Stopwatch.StartNew();
        var inScope = new List<Domain.Histories.PupilHistory>();
        foreach (var school in world.Schools())
        {
            foreach (var pupil in school.Pupils)
            {
                var h = pupil.ToHistory(school, asOf, $"{school.Id}/{pupil.LeerlingId}");
                if (ForecastModel.InScope(h, asOf))
                {
                    inScope.Add(h);
                }
            }

            pupils += school.Pupils.Count;
        }

        Console.WriteLine($"national: {schools} schools, {pupils} pupils simulated (every pupil who sat in a school over the eight years), {inScope.Count} in groep 5–8 now; {total.Elapsed.TotalSeconds:0.0} s to simulate");
        var batch = inScope;
        if (repeatTo is { } wanted && wanted > 0)
        {
            batch = [.. Enumerable.Range(0, wanted).Select(i => inScope[i % inScope.Count])];
            Console.WriteLine($"repeated to {batch.Count} pupil histories");
        }

        GC.Collect();
        var forecasting = Stopwatch.StartNew();
        var forecasts = model.Predict(batch, asOf).Count;
        Console.WriteLine($"forecasting {batch.Count} pupils, {forecasts} pupil × subject rows (both targets): {forecasting.Elapsed.TotalSeconds:0.0} s (features {model.FeatureTime.TotalSeconds:0.0} s, scoring {model.ScoringTime.TotalSeconds:0.0} s)");
    }
}
