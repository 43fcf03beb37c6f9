using Uitstroom.Domain.Inspectie;
using Uitstroom.Predict.Backtest;
using Uitstroom.Predict.Training;
using Uitstroom.Simulation;

namespace Uitstroom.Predict.Tests.Simulated;

/// <summary>The temporal backtest of one simulated world, as the acceptance tests and the worlds bench run it.</summary>
public static class SimulatedWorld
{
    /// <summary>
    /// The world of <paramref name="seed"/> with <paramref name="schools"/> schools, tested on its latest
    /// <paramref name="testYears"/> outflow years against the 2025 signaleringswaarden.
    /// </summary>
    public static BacktestSummary Backtest(int seed, int schools, int testYears) => Backtest(Generate(seed, schools), testYears);

    public static SimulatedHistories Generate(int seed, int schools) =>
        SimulatedHistories.Generate(new SimulationOptions { Seed = seed, Schools = schools });

    public static BacktestSummary Backtest(SimulatedHistories data, int testYears, Learner learner = Learner.FastTree)
    {
        ArgumentNullException.ThrowIfNull(data);
        var (summary, _) = BacktestRunner.Run(
            data.Histories, data.Schools, BacktestRunner.LatestYears(data.Histories, testYears),
            new TrainingOptions { Learner = learner }, Signaleringswaarden.Judgement2025);
        return summary;
    }
}
