using Uitstroom.Domain.Inspectie;
using Uitstroom.Predict.Backtest;
using Uitstroom.Predict.Tests.Simulated;
using Uitstroom.Predict.Training;
using Uitstroom.Simulation;

namespace Uitstroom.Predict.Tests.Backtest;

/// <summary>
/// One temporal backtest on a simulated world (truth known), shared by the acceptance tests: 150 schools, eight
/// school years, tested on the three latest outflow years with known results. Takes a few minutes on two cores.
/// </summary>
public sealed class BacktestFixture
{
    public BacktestFixture()
    {
        Data = SimulatedHistories.Generate(new SimulationOptions { Seed = 11, Schools = 150 });
        (Summary, _) = BacktestRunner.Run(
            Data.Histories, Data.Schools, BacktestRunner.LatestYears(Data.Histories, 3),
            new TrainingOptions { Learner = Learner.FastTree }, Signaleringswaarden.Judgement2025);
    }

    public SimulatedHistories Data { get; }

    public BacktestSummary Summary { get; }
}

[CollectionDefinition(Name)]
public sealed class BacktestGroup : ICollectionFixture<BacktestFixture>
{
    public const string Name = "backtest";
}
