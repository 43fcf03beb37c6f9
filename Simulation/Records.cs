using Uitstroom.Domain.Vocabulary;

namespace Uitstroom.Simulation;

/// <summary>A fictional board (bevoegd gezag): BGNR 9xxxx, never a real one.</summary>
public sealed record SimulatedBoard(string Bestuur, string Name, int SchoolCount);

/// <summary>
/// One school with every pupil who sat in it during the simulated years. Fictional BRIN (Z…); <see cref="Provider"/>
/// is its LVS (CITO, IEP, DIA), <see cref="Doorstroomtoets"/> the chain code of its end-of-primary test.
/// </summary>
public sealed record SimulatedSchool(
    int Index,
    SchoolId Id,
    string Bestuur,
    string Name,
    double Schoolweging,
    string Provider,
    string Doorstroomtoets,
    SchoolTruth Truth,
    IReadOnlyList<SimulatedPupil> Pupils);

/// <summary>The school's hidden effects, in z units of the national outflow distribution (evaluation only).</summary>
public sealed record SchoolTruth(double Effect, double TrendPerYear, IReadOnlyDictionary<int, double> CohortEffects);

/// <summary>Where a pupil sat in one school year.</summary>
public readonly record struct Placement(SchoolYear Year, int Groep, DateOnly Since);

/// <summary>
/// One pupil as the school knows it (<see cref="LeerlingId"/> is the school's own number) plus its truth.
/// <see cref="Tests"/> and <see cref="Outflow"/> hold the whole simulated timeline; filter by date or year for what
/// was known at a moment (or use <see cref="HistoryConversion"/>).
/// </summary>
public sealed record SimulatedPupil(
    string LeerlingId,
    IReadOnlyList<Placement> Placements,
    IReadOnlyList<SimulatedTest> Tests,
    IReadOnlyList<SimulatedOutflow> Outflow,
    PupilTruth Truth)
{
    /// <summary>The school year the pupil sat (or will sit) the doorstroomtoets here; null when it left before.</summary>
    public SchoolYear? OutflowYear => Outflow.Count > 0 ? Outflow[0].Year : null;
}

/// <summary>The pupil's hidden traits: general and per-subject ability (z), growth per year, and career events.</summary>
public sealed record PupilTruth(double General, IReadOnlyList<double> AbilityZ, IReadOnlyList<double> GrowthZ, bool Newcomer, int Retentions, int Skips);

/// <summary>
/// One LVS result as the provider's export carries it: score on the provider's scale (through the shipped norm
/// table), national percentile and band where the provider reports them, and the level IEP reports from groep 6.
/// <see cref="TrueUniform"/> is the noise-free latent value, <see cref="ObservedUniform"/> the value the score encodes.
/// </summary>
public sealed record SimulatedTest(
    SchoolYear Year,
    int Groep,
    TestMoment Moment,
    DateOnly TakenOn,
    Subject Subject,
    string Provider,
    double Score,
    double? Percentile,
    string? Band,
    ReferenceLevel? ReportedLevel,
    double TrueUniform,
    double ObservedUniform);

/// <summary>
/// The doorstroomtoets result for one subject. <see cref="Level"/> is null for an exempted pupil. The truth: the
/// latent uniform value on the test day and the probability of each level given it (the test noise is the rest).
/// </summary>
public sealed record SimulatedOutflow(
    SchoolYear Year,
    Subject Subject,
    string Test,
    ReferenceLevel? Level,
    bool Exempt,
    double TrueUniform,
    double NoiseSd,
    double PBelow1F,
    double P1F,
    double PTarget);
