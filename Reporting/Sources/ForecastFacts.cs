namespace Uitstroom.Reporting.Sources;

/// <summary>A forecast value with the central interval of the given coverage (e.g. 0.8).</summary>
public sealed record Range(double Expected, double Low, double High, double Coverage);

/// <summary>Predict's forecast for every school of a board, made as of a test moment with one model version.</summary>
public sealed record BoardForecastFacts(string AsOf, string ModelVersion, IReadOnlyList<SchoolForecastFacts> Schools);

/// <summary>
/// One school's outlook: per indicator the next outflow years, and (for the school report) the drill-down per subject
/// and cohort. <c>Status</c> is groen, oranje or rood as Predict judges it. Predict keys schools by BRIN and
/// vestiging (the registry's key), not by the Inspectie's OVT.
/// </summary>
public sealed record SchoolForecastFacts(
    string Brin,
    int Vestiging,
    string Provider,
    string Status,
    IndicatorForecastFacts Fundamental,
    IndicatorForecastFacts Target,
    IReadOnlyList<SubjectForecastFacts> Subjects,
    IReadOnlyList<CohortForecastFacts> Cohorts);

public sealed record IndicatorForecastFacts(
    IReadOnlyList<ForecastYearFacts> Years, string Status, double? ProbabilityBelow, int? GapResults);

/// <summary>One future outflow year: that year's percentage and the three-year indicator judged after it.</summary>
public sealed record ForecastYearFacts(
    string SchoolYear, Range Percent, double ExpectedPupils, Range ProjectedIndicator, double ProbabilityBelow);

public sealed record SubjectForecastFacts(
    string Subject, string TargetLevel, IReadOnlyList<SubjectYearFacts> Years, int PupilsAtRiskFundamental, int PupilsAtRiskTarget);

public sealed record SubjectYearFacts(string SchoolYear, Range PercentFundamental, Range PercentTarget);

/// <summary>The pupils who will sit in groep 8 in <c>OutflowYear</c>; counts only, never a pupil.</summary>
public sealed record CohortForecastFacts(string OutflowYear, int Groep, int Pupils, IReadOnlyList<CohortSubjectFacts> Subjects);

public sealed record CohortSubjectFacts(
    string Subject,
    Range PercentFundamental,
    Range PercentTarget,
    int PupilsAtRiskFundamental,
    int PupilsAtRiskTarget,
    IReadOnlyList<TrendPointFacts> Trend);

/// <summary>A cohort's results at one test moment on the uniform scale (100 = on track for 1F, 200 = target).</summary>
public sealed record TrendPointFacts(
    string Moment, string SchoolYear, int Pupils, double MeanUniformScore, double ShareOnTrackFundamental, double ShareOnTrackTarget);
