using Uitstroom.Domain.Vocabulary;

namespace Uitstroom.Simulation;

/// <summary>Which world to draw: a sample of schools, the whole country, or the demo board.</summary>
public enum WorldScale
{
    Sample,
    National,
    Demo,
}

/// <summary>
/// What to simulate. The world holds <see cref="Years"/> school years of data ending with <see cref="CurrentYear"/>,
/// the year "now" falls in; <see cref="AsOf"/> is that now: LVS results up to it are known, and outflow results of
/// the years before the current one. Later facts (the current year's E tests, future outflow) exist only as truth.
/// </summary>
public sealed record SimulationOptions
{
    public int Seed { get; init; } = 1;

    public WorldScale Scale { get; init; } = WorldScale.Sample;

    /// <summary>Number of schools for <see cref="WorldScale.Sample"/>; the national world has 6,200, the demo 31.</summary>
    public int Schools { get; init; } = 300;

    public int Years { get; init; } = 8;

    public SchoolYear CurrentYear { get; init; } = new(2026);

    /// <summary>Defaults to 1 March of the current year: the M tests are in, the doorstroomtoets results not yet.</summary>
    public DateOnly? AsOfDate { get; init; }

    /// <summary>The first groep with LVS tests (3 or 5); a provider without norms for a moment has no test there.</summary>
    public int FirstTestedGroep { get; init; } = 3;

    public static SimulationOptions National(int seed) => new() { Seed = seed, Scale = WorldScale.National, Schools = 6200, FirstTestedGroep = 5 };

    public static SimulationOptions Demo(int seed) => new() { Seed = seed, Scale = WorldScale.Demo, Schools = 31 };

    public DateOnly AsOf => AsOfDate ?? new DateOnly(CurrentYear.EndYear, 3, 1);

    public SchoolYear FirstYear => CurrentYear.Plus(1 - Years);

    public int SchoolCount => Scale switch
    {
        WorldScale.National => Schools <= 0 ? 6200 : Schools,
        WorldScale.Demo => 31,
        _ => Schools,
    };

    public void Validate()
    {
        if (SchoolCount is < 1 or > 46_000)
        {
            throw new ArgumentException($"--schools must be between 1 and 46000, was {SchoolCount}");
        }

        if (Years is < 3 or > 20)
        {
            throw new ArgumentException($"--years must be between 3 and 20 (the Inspectie pools three), was {Years}");
        }

        if (FirstTestedGroep is < TestMoment.FirstGroep or > TestMoment.LastGroep)
        {
            throw new ArgumentException($"the first tested groep must be 3..8, was {FirstTestedGroep}");
        }
    }
}
