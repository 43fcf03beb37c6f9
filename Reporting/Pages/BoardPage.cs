using System.Text;
using Uitstroom.Contracts.Reporting.V1;

namespace Uitstroom.Reporting.Pages;

/// <summary>
/// The board page: every school in a row — per indicator the last three outflow years (coloured boven/onder), the
/// Inspectie's three-year value, and the next three years (coloured by the probability of ending below) — with a
/// small chart. Rendered from the API's <see cref="BoardOverview"/> alone.
/// </summary>
internal static class BoardPage
{
    public static string Render(BoardOverview o)
    {
        var sb = new StringBuilder();
        sb.Append($"""<h1>Uitstroomprognose {Html.E(o.Name)} <span class="bijschrift">(bestuur {Html.E(o.Bgnr)})</span></h1>""");
        sb.Append(Layout.Notices(o.Notices));
        sb.Append($"""
            <p class="bijschrift">Gegenereerd {Html.E(o.GeneratedAt)}{(o.ForecastAsOf.Length > 0 ? $" · prognose op basis van {Html.E(o.ForecastAsOf)}" : "")}{(o.ModelVersion.Length > 0 ? $" · model {Html.E(o.ModelVersion)}" : "")}.
            Links de gerealiseerde uitstroom van de laatste drie jaren (groen: boven, rood: onder de signaleringswaarde),
            rechts de verwachte uitstroom van de komende drie jaren met bereik, gekleurd naar de kans dat de school onder de
            signaleringswaarde uitkomt.</p>
            <p class="legenda bijschrift geen-print"><span class="boven">boven</span><span class="onder">onder</span>
            <span style="background:{Html.ProbabilityColour(0)}">kans onder 0%</span><span style="background:{Html.ProbabilityColour(0.5)}">50%</span><span style="background:{Html.ProbabilityColour(1)}">100%</span>
            · <a href="/besturen/{Html.E(o.Bgnr)}/export.csv">CSV</a> · <a href="/besturen/{Html.E(o.Bgnr)}/export.xlsx">Excel</a></p>
            """);
        sb.Append("""<table class="sorteerbaar" id="scholen"><thead><tr>""");
        sb.Append("""<th class="naam" data-sleutel="naam" data-type="tekst">School</th><th data-sleutel="aanbieder" data-type="tekst">LVS</th><th data-sleutel="status">Status</th><th>Indicator</th>""");
        foreach (var y in o.RealisedYears)
        {
            sb.Append($"<th>{Html.E(y)}<br><span class=\"bijschrift\">gerealiseerd</span></th>");
        }

        sb.Append("""<th data-sleutel="doel">3-jaars&shy;gemiddelde</th><th>Uitkomst</th>""");
        foreach (var y in o.ForecastYears)
        {
            sb.Append($"<th>{Html.E(y)}<br><span class=\"bijschrift\">verwacht</span></th>");
        }

        sb.Append("""<th data-sleutel="kans">Kans onder</th><th>Tekort</th><th>Verwachte uitstroom</th><th>Verloop<br><span class="bijschrift">kans onder per moment</span></th></tr></thead>""");
        foreach (var school in o.Schools)
        {
            SchoolBlock(sb, o.Bgnr, school, o.RealisedYears, o.ForecastYears, link: true);
        }

        sb.Append("</table>");
        TrackRecordBlock(sb, o);
        if (o.SignaleringswaardenSource.Length > 0)
        {
            sb.Append($"""<p class="bijschrift">Signaleringswaarden: {Html.E(o.SignaleringswaardenSource)}.</p>""");
        }

        return Layout.Page($"Bestuur {o.Name}", sb.ToString());
    }

    /// <summary>One school as a block of two rows (1F and 1S/2F); the school page shows the same block.</summary>
    public static void SchoolBlock(
        StringBuilder sb, string bgnr, SchoolRow s, IReadOnlyList<string> realisedYears, IReadOnlyList<string> forecastYears, bool link)
    {
        var maxProbability = new[] { s.Fundamental, s.Target }.Where(i => i.HasProbabilityBelow).Select(i => i.ProbabilityBelow).DefaultIfEmpty(-1).Max();
        sb.Append($"""<tbody class="school" data-school="{Html.E(s.SchoolKey)}" data-naam="{Html.E(s.Name)}" data-aanbieder="{Html.E(s.Provider)}" data-status="{Html.StatusRank(s.Status)}" data-kans="{Html.Data(maxProbability)}" data-doel="{(s.Target.HasPooled ? Html.Data(s.Target.Pooled) : "")}">""");
        var first = true;
        var withOutlook = true;
        foreach (var row in new[] { s.Fundamental, s.Target })
        {
            sb.Append($"""<tr data-indicator="{Html.E(row.Indicator)}">""");
            if (first)
            {
                var name = link
                    ? $"""<a href="/besturen/{Html.E(bgnr)}/scholen/{Uri.EscapeDataString(s.SchoolKey)}">{Html.E(s.Name)}</a>"""
                    : Html.E(s.Name);
                sb.Append($"""<td class="naam" rowspan="2">{name}<br><span class="bijschrift">{Html.E(s.SchoolKey)}{(s.HasSchoolweging ? " · schoolweging " + s.Schoolweging.ToString("0.00", Html.Dutch) : "")}</span></td>""");
                sb.Append($"""<td class="tekst" rowspan="2">{Html.E(s.Provider.Length > 0 ? s.Provider : "–")}</td>""");
                sb.Append($"""<td rowspan="2"><span class="status {Html.StatusLabel(s.Status)}">{Html.StatusLabel(s.Status)}</span></td>""");
                first = false;
            }

            sb.Append($"""<td class="tekst">{Html.E(row.Indicator)}{(row.HasSignaleringswaarde ? $"<br><span class=\"bijschrift\">signaal {Html.Percent(row.Signaleringswaarde)}</span>" : "")}</td>""");
            foreach (var year in realisedYears)
            {
                var r = row.Realised.FirstOrDefault(x => x.SchoolYear == year);
                if (r is { HasPercent: true })
                {
                    sb.Append($"""<td class="gerealiseerd {Html.E(r.Position)}" data-jaar="{Html.E(year)}" title="{r.Pupils} leerlingen">{Html.Percent(r.Percent)}</td>""");
                }
                else
                {
                    sb.Append($"""<td class="gerealiseerd" data-jaar="{Html.E(year)}">{(r is null ? "–" : Html.Availability(r.Availability))}</td>""");
                }
            }

            sb.Append($"""<td class="driejaars {Html.E(row.Outcome)}">{(row.HasPooled ? Html.Percent(row.Pooled) : "–")}</td>""");
            sb.Append($"""<td class="tekst uitkomst" title="{Html.E(row.OutcomeLabel)}">{Html.OutcomeLabel(row.Outcome)}</td>""");
            foreach (var year in forecastYears)
            {
                var f = row.Forecast.FirstOrDefault(x => x.SchoolYear == year);
                if (f is null)
                {
                    sb.Append($"""<td class="verwacht" data-jaar="{Html.E(year)}">–</td>""");
                    continue;
                }

                sb.Append($"""<td class="verwacht" data-jaar="{Html.E(year)}" style="background:{Html.ProbabilityColour(f.ProbabilityBelow)}" title="3-jaarsgemiddelde na dit jaar: {Html.Estimate(f.ProjectedIndicator.Expected)} ({Html.Range(f.ProjectedIndicator)}); kans onder {Html.Probability(f.ProbabilityBelow)}">""");
                sb.Append($"""<span class="waarde">{Html.Estimate(f.Percent.Expected)}</span><span class="bereik">{Html.Range(f.Percent)}</span></td>""");
            }

            sb.Append($"""<td class="kans">{(row.HasProbabilityBelow ? Html.Probability(row.ProbabilityBelow) : "–")}</td>""");
            sb.Append($"""<td class="tekort" title="extra leerlingresultaten op dit niveau nodig">{(row.HasGapResults ? row.GapResults.ToString(Html.Dutch) : "–")}</td>""");
            sb.Append($"""<td>{Charts.Outflow(row)}</td>""");
            if (withOutlook)
            {
                // The moments' probabilities as data too, so a test (or a screen reader's user) can read the line.
                var values = string.Join(' ', s.Outlook.Select(p => Html.Data(p.ProbabilityBelow)));
                sb.Append($"""<td class="verloop" rowspan="2" data-momenten="{Html.E(string.Join('|', s.Outlook.Select(p => p.Moment)))}" data-kansen="{values}">{(s.Outlook.Count == 0 ? "–" : Charts.Sparkline(s.Outlook))}</td>""");
                withOutlook = false;
            }

            sb.Append("</tr>");
        }

        sb.Append("</tbody>");
    }

    /// <summary>The board's track record: Predict's forecasts made before each realised outflow year beside what happened.</summary>
    private static void TrackRecordBlock(StringBuilder sb, BoardOverview o)
    {
        sb.Append("""<h2 id="verloop">Verloop en trackrecord</h2>""");
        if (o.Snapshots.Count == 0)
        {
            sb.Append("""<p class="bijschrift" id="geen-momentopnamen">Er zijn nog geen momentopnamen van de prognose bewaard.</p>""");
            return;
        }

        var recomputed = o.Snapshots.Count(x => x.Origin == "teruggerekend");
        sb.Append($"""
            <p class="bijschrift" id="momentopnamen">Momentopnamen: {Html.E(string.Join(", ", o.Snapshots.Select(x => $"{x.Moment} ({Html.Origin(x.Origin)})")))}.
            {(recomputed > 0 ? "Teruggerekende momentopnamen zijn achteraf berekend met de gegevens van toen en het huidige model; dat model kende de afloop van die jaren al, dus hun trackrecord is gunstiger dan een echt vastgelegde prognose." : "")}</p>
            """);
        if (o.TrackRecord is not { } t)
        {
            sb.Append("""<p class="bijschrift" id="geen-trackrecord">Nog geen gerealiseerd uitstroomjaar waarvoor vooraf een prognose is bewaard.</p>""");
            return;
        }

        sb.Append($"""
            <table id="trackrecord"><tbody>
            <tr><th class="naam">Prognoses naast de gerealiseerde uitstroom</th><td data-veld="entries">{t.Entries}</td></tr>
            <tr><th class="naam">Gemiddelde afwijking % ≥1F (procentpunt)</th><td data-veld="mae_1f">{Html.Estimate(t.MeanAbsoluteErrorFundamental)}</td></tr>
            <tr><th class="naam">Gemiddelde afwijking % ≥1S/2F (procentpunt)</th><td data-veld="mae_doel">{Html.Estimate(t.MeanAbsoluteErrorTarget)}</td></tr>
            <tr><th class="naam">Gerealiseerd binnen het 80%-bereik</th><td data-veld="inside80">{Html.Probability(t.Inside80)}</td></tr>
            <tr><th class="naam">Gerealiseerd binnen het 95%-bereik</th><td data-veld="inside95">{Html.Probability(t.Inside95)}</td></tr>
            <tr><th class="naam">Status juist (onder gewaarschuwd, boven niet rood)</th><td data-veld="status">{t.StatusCallsRight} van {t.StatusCalls}</td></tr>
            <tr><th class="naam">Waarvan uit teruggerekende momentopnamen</th><td data-veld="recomputed">{t.Recomputed}</td></tr>
            </tbody></table>
            """);
    }
}
