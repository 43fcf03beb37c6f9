namespace Uitstroom.Domain.Inspectie;

/// <summary>
/// Everything the judgement of one school rests on: the three judged outflow years (oldest first), up to two
/// earlier years for the small-school rule, the published pooled value where masking hides the years, and the
/// school's three-year mean schoolweging (absent when CBS published none).
/// </summary>
public sealed record SchoolEvidence(
    IReadOnlyList<JudgedYear> Years,
    double? Schoolweging,
    IReadOnlyList<JudgedYear>? EarlierYears = null,
    Pooled? PublishedPooled = null);

/// <summary>One indicator judged: the pooled value, the signaleringswaarde it is held against, and the outcome.</summary>
/// <param name="FiveYear">For a small school whose five years hold at least 15 pupils: the verdict over five years.</param>
public sealed record IndicatorJudgement(Indicator Indicator, double? Value, double? Signaleringswaarde, Outcome Outcome, Outcome? FiveYear);

/// <summary>The look-back of one school: its years, the pooled values and both indicators' outcomes.</summary>
public sealed record SchoolJudgement(
    IReadOnlyList<JudgedYear> Years,
    Pooled? Pooled,
    int? SchoolwegingBand,
    IndicatorJudgement Fundamental,
    IndicatorJudgement Target,
    Pooled? FiveYearPooled)
{
    public IndicatorJudgement this[Indicator indicator] => indicator == Indicator.Fundamental ? Fundamental : Target;
}
