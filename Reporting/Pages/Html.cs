using System.Globalization;
using System.Net;
using Uitstroom.Contracts.Reporting.V1;

namespace Uitstroom.Reporting.Pages;

/// <summary>Encoding and Dutch number formats for the pages. Formats only: every value comes from the API.</summary>
internal static class Html
{
    public static readonly NumberFormatInfo Dutch = DutchFormat.Numbers;

    public static string E(string? text) => WebUtility.HtmlEncode(text ?? "");

    /// <summary>A percentage as the Inspectie writes it: two decimals, decimal comma.</summary>
    public static string Percent(double value) => value.ToString("0.00", Dutch);

    /// <summary>A forecast percentage: one decimal, as an estimate is no more precise than that.</summary>
    public static string Estimate(double value) => value.ToString("0.0", Dutch);

    public static string Range(Estimate e) => $"{Estimate(e.Low)}–{Estimate(e.High)}";

    /// <summary>A probability as a whole percentage.</summary>
    public static string Probability(double p) => (p * 100).ToString("0", Dutch) + "%";

    /// <summary>Invariant text for data attributes that the sort script and tests read.</summary>
    public static string Data(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);

    public static string StatusLabel(SchoolStatus status) => status switch
    {
        SchoolStatus.Groen => "groen",
        SchoolStatus.Oranje => "oranje",
        SchoolStatus.Rood => "rood",
        _ => "onbekend",
    };

    /// <summary>Sort order of a status: rood first when sorting by risk.</summary>
    public static int StatusRank(SchoolStatus status) => status switch
    {
        SchoolStatus.Rood => 3,
        SchoolStatus.Oranje => 2,
        SchoolStatus.Groen => 1,
        _ => 0,
    };

    /// <summary>
    /// The background of a forecast cell: a continuous hue from green (no chance of ending below) to red (certain),
    /// so the page draws no line of its own between "safe" and "at risk" — Predict's status does that.
    /// </summary>
    public static string ProbabilityColour(double p) =>
        $"hsl({(120 * (1 - Math.Clamp(p, 0, 1))).ToString("0", CultureInfo.InvariantCulture)}, 70%, 82%)";

    public static string OutcomeLabel(string code) => code switch
    {
        "boven" => "boven",
        "onder" => "onder",
        "kleine_school" => "kleine school (5 jaar)",
        "te_weinig_gegevens" => "te weinig gegevens",
        _ => "–",
    };

    public static string Availability(string availability) => availability switch
    {
        "masked" => "*",
        "missing" => "geen",
        _ => "–",
    };

    /// <summary>Where a snapshot came from, in the page's words.</summary>
    public static string Origin(string origin) => origin switch
    {
        "live" => "vastgelegd",
        "teruggerekend" => "teruggerekend",
        _ => E(origin),
    };
}
