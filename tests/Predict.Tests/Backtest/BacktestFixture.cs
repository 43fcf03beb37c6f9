using Uitstroom.Predict.Backtest;
using Uitstroom.Predict.Tests.Simulated;

namespace Uitstroom.Predict.Tests.Backtest;

/// <summary>
/// One temporal backtest on a simulated world (truth known), shared by the acceptance tests: 150 schools, eight
/// school years, tested on the three latest outflow years with known results. Takes a few minutes on two cores.
/// </summary>
public sealed class BacktestFixture
{
    public BacktestFixture()
    {
        Data = SimulatedWorld.Generate(seed: 11, schools: 150);
        Summary = SimulatedWorld.Backtest(Data, testYears: 3);
    }

    public SimulatedHistories Data { get; }

    public BacktestSummary Summary { get; }
}

[CollectionDefinition(Name)]
public sealed class BacktestGroup : ICollectionFixture<BacktestFixture>
{
    public const string Name = "backtest";
}
