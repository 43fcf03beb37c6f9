using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;

namespace Uitstroom.Deploy.Tests.Topology;

/// <summary>One school block of Reporting's board page as a reader sees it: its name and its forecast cells.</summary>
public sealed record ShownSchool(string Name, IReadOnlyList<string> Forecasts);

/// <summary>Reads the board page's HTML (Reporting/Pages/BoardPage.cs) the way the topology test compares it.</summary>
public static partial class ReportPage
{
    private static readonly NumberFormatInfo Dutch = new() { NumberDecimalSeparator = ",", NumberGroupSeparator = "." };

    /// <summary>A forecast percentage as the page writes it: one decimal, decimal comma.</summary>
    public static string Estimate(double value) => value.ToString("0.0", Dutch);

    public static IReadOnlyList<ShownSchool> Schools(string html) =>
        [.. SchoolBlock().Matches(html).Select(block => new ShownSchool(
            WebUtility.HtmlDecode(block.Groups["name"].Value),
            [.. ForecastCell().Matches(block.Groups["body"].Value).Select(cell =>
                cell.Groups["value"].Success ? WebUtility.HtmlDecode(cell.Groups["value"].Value) : "–")]))];

    [GeneratedRegex("""<tbody class="school"[^>]*data-naam="(?<name>[^"]*)"[^>]*>(?<body>.*?)</tbody>""", RegexOptions.Singleline)]
    private static partial Regex SchoolBlock();

    [GeneratedRegex("""<td class="verwacht"[^>]*>(?:<span class="waarde">(?<value>[^<]*)</span>.*?)?</td>""", RegexOptions.Singleline)]
    private static partial Regex ForecastCell();
}
