using Uitstroom.Domain.Inspectie;
using Uitstroom.Domain.Vocabulary;

namespace Uitstroom.Predict.Schools;

/// <summary>A school as the school-level forecast needs it.</summary>
public sealed record SchoolInfo(SchoolId Id, string Bestuur, double? Schoolweging);

/// <summary>An expected percentage with its 80% and 95% ranges.</summary>
public sealed record PercentRange(double Expected, double Low80, double High80, double Low95, double High95)
{
    public bool Contains80(double value) => value >= Low80 - 1e-9 && value <= High80 + 1e-9;

    public bool Contains95(double value) => value >= Low95 - 1e-9 && value <= High95 + 1e-9;
}

/// <summary>
/// One coming outflow year of a school, for one subject or pooled (<see cref="Subject"/> null): the expected
/// %≥1F and %≥target with ranges, and how many pupils are at risk (less than even chance of reaching the level).
/// </summary>
public sealed record YearOutlook(
    SchoolYear OutflowYear,
    int GroepNow,
    Subject? Subject,
    int Pupils,
    PercentRange Fundamental,
    PercentRange Streef,
    int AtRiskFundamental,
    int AtRiskStreef);

/// <summary>How a year enters a projected judgement.</summary>
public enum YearSource
{
    Known,
    Forecast,
    Missing,
}

/// <summary>
/// One indicator of one coming judgement year: the pooled three-year value expected from the known and the forecast
/// years, its range, the signaleringswaarde, the probability of ending below it, and the expected outcome.
/// </summary>
public sealed record IndicatorOutlook(
    SchoolYear JudgementYear,
    Indicator Indicator,
    IReadOnlyList<(SchoolYear Year, YearSource Source)> Years,
    PercentRange Value,
    double? Signaleringswaarde,
    double? ProbabilityBelow,
    Outcome ExpectedOutcome);

/// <summary>Where extra results at a level would do most: a cohort (by outflow year) and a subject.</summary>
public sealed record GapShare(SchoolYear OutflowYear, int GroepNow, Subject Subject, int Extra, int WithinReach);

/// <summary>How many more pupil × subject results at the level would lift the expected value to the signaleringswaarde.</summary>
public sealed record Gap(SchoolYear JudgementYear, Indicator Indicator, int ExtraResults, IReadOnlyList<GapShare> Where);

/// <summary>The danger-zone signal: see <see cref="StatusRule"/> for the thresholds.</summary>
public enum SchoolStatus
{
    Groen,
    Oranje,
    Rood,
}

/// <summary>Everything the school-level forecast says about one school.</summary>
public sealed record SchoolOutlook(
    SchoolInfo School,
    IReadOnlyList<YearOutlook> Years,
    IReadOnlyList<IndicatorOutlook> Indicators,
    SchoolStatus Status,
    double MaxProbabilityBelow,
    IReadOnlyList<Gap> Gaps);
