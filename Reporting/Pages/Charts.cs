using System.Globalization;
using System.Text;
using Uitstroom.Contracts.Reporting.V1;

namespace Uitstroom.Reporting.Pages;

/// <summary>
/// Small inline SVG charts. They place the API's values on a canvas; the only arithmetic is the mapping of a value
/// to a pixel. Ranges are drawn as ranges (a bar from low to high with the expected value on it), never as a point.
/// </summary>
internal static class Charts
{
    private const int Width = 190;
    private const int Height = 62;
    private const int Left = 22;
    private const int Top = 6;
    private const int Bottom = 14;

    /// <summary>One indicator of one school: realised years as dots, forecast years as ranges, the threshold dashed.</summary>
    public static string Outflow(IndicatorRow row)
    {
        var values = row.Realised.Where(y => y.HasPercent).Select(y => y.Percent)
            .Concat(row.Forecast.SelectMany(y => new[] { y.Percent.Low, y.Percent.High }))
            .Concat(row.HasSignaleringswaarde ? [row.Signaleringswaarde] : [])
            .ToList();
        if (values.Count == 0)
        {
            return "";
        }

        var (min, max) = Domain(values);
        var slots = row.Realised.Count + row.Forecast.Count;
        var step = (Width - Left - 4) / (double)Math.Max(slots, 1);
        double X(int i) => Left + (step * (i + 0.5));
        double Y(double v) => Top + ((max - v) / (max - min) * (Height - Top - Bottom));

        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture,
            $"""<svg class="grafiek" width="{Width}" height="{Height}" viewBox="0 0 {Width} {Height}" role="img" aria-label="Verwachte uitstroom {Html.E(row.Indicator)}">""");
        sb.Append(CultureInfo.InvariantCulture, $"""<text x="0" y="{Y(max) + 3:0.#}">{max:0}</text><text x="0" y="{Y(min):0.#}">{min:0}</text>""");
        if (row.HasSignaleringswaarde)
        {
            sb.Append(CultureInfo.InvariantCulture,
                $"""<line class="drempel" x1="{Left}" x2="{Width - 2}" y1="{Y(row.Signaleringswaarde):0.#}" y2="{Y(row.Signaleringswaarde):0.#}"><title>signaleringswaarde {Html.Percent(row.Signaleringswaarde)}</title></line>""");
        }

        var i = 0;
        foreach (var year in row.Realised)
        {
            if (year.HasPercent)
            {
                sb.Append(CultureInfo.InvariantCulture,
                    $"""<circle class="gerealiseerd" cx="{X(i):0.#}" cy="{Y(year.Percent):0.#}" r="3"><title>{Html.E(year.SchoolYear)}: {Html.Percent(year.Percent)}</title></circle>""");
            }

            sb.Append(CultureInfo.InvariantCulture, $"""<text x="{X(i) - 6:0.#}" y="{Height - 3}">{Html.E(ShortYear(year.SchoolYear))}</text>""");
            i++;
        }

        foreach (var year in row.Forecast)
        {
            var e = year.Percent;
            sb.Append(CultureInfo.InvariantCulture,
                $"""<line class="bereik" x1="{X(i):0.#}" x2="{X(i):0.#}" y1="{Y(e.Low):0.#}" y2="{Y(e.High):0.#}"><title>{Html.E(year.SchoolYear)}: {Html.Estimate(e.Low)}–{Html.Estimate(e.High)}</title></line>""");
            sb.Append(CultureInfo.InvariantCulture,
                $"""<circle class="verwacht" cx="{X(i):0.#}" cy="{Y(e.Expected):0.#}" r="2.5"><title>{Html.E(year.SchoolYear)}: verwacht {Html.Estimate(e.Expected)}</title></circle>""");
            sb.Append(CultureInfo.InvariantCulture, $"""<text x="{X(i) - 6:0.#}" y="{Height - 3}">{Html.E(ShortYear(year.SchoolYear))}</text>""");
            i++;
        }

        sb.Append("</svg>");
        return sb.ToString();
    }

    /// <summary>A cohort's mean uniform score over its test moments, with the 1F (100) and target (200) lines.</summary>
    public static string Trend(IReadOnlyList<TrendPoint> points)
    {
        if (points.Count == 0)
        {
            return "";
        }

        var (min, max) = Domain([.. points.Select(p => p.MeanUniformScore), 100, 200]);
        const int width = 260;
        var step = (width - Left - 4) / (double)points.Count;
        double X(int i) => Left + (step * (i + 0.5));
        double Y(double v) => Top + ((max - v) / (max - min) * (Height - Top - Bottom));

        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture,
            $"""<svg class="trend" width="{width}" height="{Height}" viewBox="0 0 {width} {Height}" role="img" aria-label="Trend over de toetsmomenten">""");
        foreach (var (level, label) in new[] { (100.0, "1F"), (200.0, "doel") })
        {
            sb.Append(CultureInfo.InvariantCulture,
                $"""<line class="drempel" x1="{Left}" x2="{width - 2}" y1="{Y(level):0.#}" y2="{Y(level):0.#}"/><text x="0" y="{Y(level) + 3:0.#}">{label}</text>""");
        }

        sb.Append("""<polyline class="lijn" points=" """.TrimEnd());
        sb.Append(string.Join(' ', points.Select((p, i) => string.Create(CultureInfo.InvariantCulture, $"{X(i):0.#},{Y(p.MeanUniformScore):0.#}"))));
        sb.Append("\"/>");
        for (var i = 0; i < points.Count; i++)
        {
            var p = points[i];
            sb.Append(CultureInfo.InvariantCulture,
                $"""<circle class="gerealiseerd" cx="{X(i):0.#}" cy="{Y(p.MeanUniformScore):0.#}" r="2.5"><title>{Html.E(p.Moment)} {Html.E(p.SchoolYear)}: {Html.Estimate(p.MeanUniformScore)}</title></circle><text x="{X(i) - 6:0.#}" y="{Height - 3}">{Html.E(p.Moment)}</text>""");
        }

        sb.Append("</svg>");
        return sb.ToString();
    }

    private static (double Min, double Max) Domain(IReadOnlyCollection<double> values)
    {
        var min = Math.Floor(values.Min() - 3);
        var max = Math.Ceiling(values.Max() + 3);
        return (min, Math.Max(max, min + 1));
    }

    /// <summary>"2024-2025" → "'25": the Inspectie names an outflow year by the calendar year of the test.</summary>
    private static string ShortYear(string schoolYear) => schoolYear.Length >= 9 ? "'" + schoolYear[7..9] : schoolYear;

    /// <summary>
    /// How a school's largest probability of ending below moved over the snapshot moments: a line on a fixed 0–100%
    /// axis, with the status thresholds Predict uses shown only through the points' status colour.
    /// </summary>
    public static string Sparkline(IReadOnlyList<OutlookPoint> points, int width = 110, int height = 30)
    {
        if (points.Count == 0)
        {
            return "";
        }

        var step = (width - 6) / (double)Math.Max(points.Count - 1, 1);
        double X(int i) => 3 + (points.Count == 1 ? (width - 6) / 2.0 : step * i);
        double Y(double p) => 3 + ((1 - Math.Clamp(p, 0, 1)) * (height - 6));

        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture,
            $"""<svg class="verloop" width="{width}" height="{height}" viewBox="0 0 {width} {height}" role="img" aria-label="Verloop van de kans onder de signaleringswaarde">""");
        sb.Append(CultureInfo.InvariantCulture, $"""<line class="as" x1="3" x2="{width - 3}" y1="{Y(0):0.#}" y2="{Y(0):0.#}"/>""");
        sb.Append("""<polyline class="lijn" points=" """.TrimEnd());
        sb.Append(string.Join(' ', points.Select((p, i) => string.Create(CultureInfo.InvariantCulture, $"{X(i):0.#},{Y(p.ProbabilityBelow):0.#}"))));
        sb.Append("\"/>");
        for (var i = 0; i < points.Count; i++)
        {
            var p = points[i];
            sb.Append(CultureInfo.InvariantCulture,
                $"""<circle class="punt {Html.StatusLabel(p.Status)} {Html.E(p.Origin)}" cx="{X(i):0.#}" cy="{Y(p.ProbabilityBelow):0.#}" r="2.5"><title>{Html.E(p.Moment)} ({Html.Origin(p.Origin)}): kans onder {Html.Probability(p.ProbabilityBelow)}, {Html.StatusLabel(p.Status)}</title></circle>""");
        }

        sb.Append("</svg>");
        return sb.ToString();
    }
}
