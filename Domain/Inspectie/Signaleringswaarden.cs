namespace Uitstroom.Domain.Inspectie;

/// <summary>
/// The Inspectie's signaleringswaarden, versioned data with their source. 1F is 85% for every school; the 1S/2F
/// value depends on the schoolweging band of the school's three-year mean schoolweging.
/// </summary>
public sealed record Signaleringswaarden(
    double FundamentalPercent,
    int LowestBand,
    IReadOnlyList<double> TargetPercentByBand,
    string Source,
    DateOnly Published)
{
    /// <summary>
    /// As published in the Inspectie's open-data file "gemiddelde referentieniveaus per school 2223-2324-2425"
    /// (2025-09-26), column "Signaleringswaarde 1S/2F" by "Schoolwegingscategorie"; checked against all 6,205 rows.
    /// </summary>
    public static Signaleringswaarden Judgement2025 { get; } = new(
        85.0,
        20,
        [68.3, 65.0, 61.9, 58.9, 56.2, 53.8, 51.8, 50.1, 48.6, 47.1, 45.5, 43.5, 41.2, 38.7, 36.3, 34.3, 32.8, 32.0, 31.7, 30.3],
        "Inspectie van het Onderwijs, 20250926 gemiddelde_referentieniveaus_per_school_2223_2324_2425_Open_data.ods",
        new DateOnly(2025, 9, 26));

    public int HighestBand => LowestBand + TargetPercentByBand.Count - 1;

    /// <summary>
    /// The band [n, n+1) a schoolweging falls in, clamped to the table: the published categories run 20–39, and a
    /// schoolweging of exactly 40 (the top of the CBS scale) belongs to the last one.
    /// </summary>
    public int Band(double schoolweging) => Math.Clamp((int)Math.Floor(schoolweging), LowestBand, HighestBand);

    /// <summary>The 1S/2F signaleringswaarde for a school, or null when it has no schoolweging.</summary>
    public double? TargetPercent(double? schoolweging) =>
        schoolweging is { } w ? TargetPercentByBand[Band(w) - LowestBand] : null;
}
