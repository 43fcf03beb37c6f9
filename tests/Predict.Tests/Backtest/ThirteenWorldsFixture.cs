using Uitstroom.Predict.Backtest;
using Uitstroom.Predict.Tests.Simulated;

namespace Uitstroom.Predict.Tests.Backtest;

/// <summary>
/// The temporal backtest on thirteen independent simulated worlds (seeds 11–23, 150 schools each), tested on the
/// outflow years 2024-25 and 2025-26: the doorstroomtoets regime the product forecasts in. A probability is
/// calibrated over the years it is used, and one world has one draw of national luck per test year; thirteen worlds
/// are twenty-six such draws (docs/forecast.md, "Calibration pooled over worlds"). About 15 s a world on one core.
/// </summary>
public sealed class ThirteenWorldsFixture
{
    public const int FirstSeed = 11;
    public const int LastSeed = 23;

    public ThirteenWorldsFixture()
    {
        var worlds = new BacktestSummary[LastSeed - FirstSeed + 1];
        Parallel.For(0, worlds.Length, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount },
            i => worlds[i] = SimulatedWorld.Backtest(FirstSeed + i, schools: 150, testYears: 2));
        Worlds = worlds;
    }

    public IReadOnlyList<BacktestSummary> Worlds { get; }

    /// <summary>Each world with the seed it was drawn with, for messages that name the world.</summary>
    public IEnumerable<(int Seed, BacktestSummary World)> BySeed => Worlds.Select((w, i) => (FirstSeed + i, w));
}

/// <summary>
/// Runs alone, after the other tests: the worlds keep both cores busy for two minutes, and tests with timeouts of
/// their own (the Redis cache's 500 ms) failed when they ran beside them.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ThirteenWorldsGroup : ICollectionFixture<ThirteenWorldsFixture>
{
    public const string Name = "thirteen worlds";
}
