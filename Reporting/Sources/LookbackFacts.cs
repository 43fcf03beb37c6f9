namespace Uitstroom.Reporting.Sources;

/// <summary>The realised outflow years of a board's schools and the Inspectie's judgement of them, as Predict computes it.</summary>
public sealed record BoardLookbackFacts(IReadOnlyList<SchoolLookbackFacts> Schools, string SignaleringswaardenSource);

/// <summary>
/// One school's look-back, keyed by the Inspectie's ovt. A school the Inspectie never listed (a fictional or new
/// school, judged from its pupils' results) has no ovt; its BRIN and name then tell which registered school it is.
/// </summary>
public sealed record SchoolLookbackFacts(
    string Ovt,
    IReadOnlyList<RealisedYearFacts> Years,
    int? Pupils,
    IndicatorLookbackFacts Fundamental,
    IndicatorLookbackFacts Target)
{
    public string Brin { get; init; } = "";

    public string Name { get; init; } = "";
}

/// <summary>One outflow year; <c>Availability</c> is known, masked (the Inspectie wrote *) or missing.</summary>
public sealed record RealisedYearFacts(
    string SchoolYear, string Availability, int Pupils, double? PercentFundamental, double? PercentTarget);

/// <summary>The pooled three-year value, its signaleringswaarde and the outcome code and label.</summary>
public sealed record IndicatorLookbackFacts(double? Value, double? Signaleringswaarde, string Outcome, string OutcomeLabel);
