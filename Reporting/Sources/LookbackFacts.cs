namespace Uitstroom.Reporting.Sources;

/// <summary>The realised outflow years of a board's schools and the Inspectie's judgement of them, as Predict computes it.</summary>
public sealed record BoardLookbackFacts(IReadOnlyList<SchoolLookbackFacts> Schools, string SignaleringswaardenSource);

public sealed record SchoolLookbackFacts(
    string Ovt,
    IReadOnlyList<RealisedYearFacts> Years,
    int? Pupils,
    IndicatorLookbackFacts Fundamental,
    IndicatorLookbackFacts Target);

/// <summary>One outflow year; <c>Availability</c> is known, masked (the Inspectie wrote *) or missing.</summary>
public sealed record RealisedYearFacts(
    string SchoolYear, string Availability, int Pupils, double? PercentFundamental, double? PercentTarget);

/// <summary>The pooled three-year value, its signaleringswaarde and the outcome code and label.</summary>
public sealed record IndicatorLookbackFacts(double? Value, double? Signaleringswaarde, string Outcome, string OutcomeLabel);
