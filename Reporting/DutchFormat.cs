using System.Globalization;

namespace Uitstroom.Reporting;

/// <summary>
/// Dutch number and date notation for the pages, notices and exports. The services run with invariant
/// globalization (no ICU on slim images), so the few Dutch conventions needed are written out here.
/// </summary>
public static class DutchFormat
{
    /// <summary>Decimal comma, thousands point: 93,02 and 1.250.</summary>
    public static readonly NumberFormatInfo Numbers = new()
    {
        NumberDecimalSeparator = ",",
        NumberGroupSeparator = ".",
        PercentDecimalSeparator = ",",
        PercentGroupSeparator = ".",
        NegativeSign = "-",
    };

    private static readonly string[] Months =
        ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"];

    /// <summary>"4 december 2026 om 06:10 UTC".</summary>
    public static string DateTime(DateTimeOffset moment)
    {
        var utc = moment.UtcDateTime;
        return string.Create(CultureInfo.InvariantCulture, $"{utc.Day} {Months[utc.Month - 1]} {utc.Year} om {utc:HH:mm} UTC");
    }
}
