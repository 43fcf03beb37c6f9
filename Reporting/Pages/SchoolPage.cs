using System.Text;
using Uitstroom.Contracts.Reporting.V1;

namespace Uitstroom.Reporting.Pages;

/// <summary>
/// The school page: the school's row as on the board page, then which subject and which cohort carry the risk —
/// per subject the expected percentages with ranges and the pupils at risk, per cohort the trend over the test
/// moments — and the gap to the signaleringswaarde. Rendered from the API's <see cref="SchoolReport"/> alone.
/// </summary>
internal static class SchoolPage
{
    public static string Render(SchoolReport r)
    {
        var s = r.Summary;
        var sb = new StringBuilder();
        sb.Append($"""<p class="geen-print"><a href="/besturen/{Html.E(r.Bgnr)}">← {Html.E(r.BoardName)}</a></p>""");
        sb.Append($"""<h1>{Html.E(s.Name)} <span class="bijschrift">({Html.E(r.Ovt)}, bestuur {Html.E(r.Bgnr)})</span></h1>""");
        sb.Append(Layout.Notices(r.Notices));
        sb.Append($"""<p class="bijschrift">Gegenereerd {Html.E(r.GeneratedAt)}{(r.ForecastAsOf.Length > 0 ? $" · prognose op basis van {Html.E(r.ForecastAsOf)}" : "")}{(r.ModelVersion.Length > 0 ? $" · model {Html.E(r.ModelVersion)}" : "")}.</p>""");

        sb.Append("""<table id="school"><thead><tr><th class="naam">School</th><th>LVS</th><th>Status</th><th>Indicator</th>""");
        foreach (var y in r.RealisedYears)
        {
            sb.Append($"<th>{Html.E(y)}<br><span class=\"bijschrift\">gerealiseerd</span></th>");
        }

        sb.Append("<th>3-jaarsgemiddelde</th><th>Uitkomst</th>");
        foreach (var y in r.ForecastYears)
        {
            sb.Append($"<th>{Html.E(y)}<br><span class=\"bijschrift\">verwacht</span></th>");
        }

        sb.Append("<th>Kans onder</th><th>Tekort</th><th>Verwachte uitstroom</th></tr></thead>");
        BoardPage.SchoolBlock(sb, r.Bgnr, s, r.RealisedYears, r.ForecastYears, link: false);
        sb.Append("</table>");

        Gap(sb, s);
        Subjects(sb, r);
        Cohorts(sb, r);
        return Layout.Page(s.Name, sb.ToString());
    }

    private static void Gap(StringBuilder sb, SchoolRow s)
    {
        sb.Append("<h2>Afstand tot de signaleringswaarde</h2><ul id=\"tekort\">");
        foreach (var row in new[] { s.Fundamental, s.Target })
        {
            var text = !row.HasGapResults
                ? "geen prognose beschikbaar"
                : row.GapResults == 0
                    ? "naar verwachting boven de signaleringswaarde"
                    : $"nog {row.GapResults.ToString(Html.Dutch)} leerlingresultaten op dit niveau nodig om de signaleringswaarde te halen";
            sb.Append($"""<li data-indicator="{Html.E(row.Indicator)}"><strong>{Html.E(row.Indicator)}</strong>: {Html.E(text)}</li>""");
        }

        sb.Append("</ul>");
    }

    private static void Subjects(StringBuilder sb, SchoolReport r)
    {
        sb.Append("<h2>Per vak</h2>");
        if (r.Subjects.Count == 0)
        {
            sb.Append("""<p class="bijschrift">Geen uitsplitsing per vak: er is geen prognose beschikbaar.</p>""");
            return;
        }

        sb.Append("""<table id="vakken"><thead><tr><th class="naam">Vak</th><th>Doelniveau</th>""");
        foreach (var y in r.Subjects[0].Years)
        {
            sb.Append($"<th>{Html.E(y.SchoolYear)}<br><span class=\"bijschrift\">% ≥1F</span></th><th>{Html.E(y.SchoolYear)}<br><span class=\"bijschrift\">% doelniveau</span></th>");
        }

        sb.Append("<th>Risico 1F<br><span class=\"bijschrift\">leerlingen</span></th><th>Risico doelniveau<br><span class=\"bijschrift\">leerlingen</span></th></tr></thead><tbody>");
        foreach (var subject in r.Subjects)
        {
            sb.Append($"""<tr data-vak="{Html.E(subject.Subject)}"><td class="naam">{Html.E(subject.Subject)}</td><td>{Html.E(subject.TargetLevel)}</td>""");
            foreach (var y in subject.Years)
            {
                sb.Append($"""<td>{Html.Estimate(y.PercentFundamental.Expected)}<span class="bereik">{Html.Range(y.PercentFundamental)}</span></td>""");
                sb.Append($"""<td>{Html.Estimate(y.PercentTarget.Expected)}<span class="bereik">{Html.Range(y.PercentTarget)}</span></td>""");
            }

            sb.Append($"""<td class="risico-1f">{subject.PupilsAtRiskFundamental}</td><td class="risico-doel">{subject.PupilsAtRiskTarget}</td></tr>""");
        }

        sb.Append("</tbody></table>");
    }

    private static void Cohorts(StringBuilder sb, SchoolReport r)
    {
        sb.Append("<h2>Per jaargroep (cohort)</h2>");
        if (r.Cohorts.Count == 0)
        {
            sb.Append("""<p class="bijschrift">Geen uitsplitsing per jaargroep: er is geen prognose beschikbaar.</p>""");
            return;
        }

        sb.Append("""<p class="bijschrift">Gemiddelde op de uniforme schaal (100 = op koers voor 1F, 200 = op koers voor het doelniveau) per toetsmoment.</p>""");
        foreach (var cohort in r.Cohorts)
        {
            sb.Append($"""<h3 data-cohort="{Html.E(cohort.OutflowYear)}">Uitstroom {Html.E(cohort.OutflowYear)} · nu groep {cohort.Groep} · {cohort.Pupils} leerlingen</h3>""");
            sb.Append("""<table class="cohort"><thead><tr><th class="naam">Vak</th><th>% ≥1F verwacht</th><th>% doelniveau verwacht</th><th>Risico 1F</th><th>Risico doelniveau</th><th>Trend</th><th class="naam">Toetsmomenten</th></tr></thead><tbody>""");
            foreach (var subject in cohort.Subjects)
            {
                var moments = subject.Trend.Count == 0
                    ? "geen toetsmomenten in de prognose"
                    : string.Join(", ", subject.Trend.Select(t =>
                        $"{Html.E(t.Moment)} {Html.Estimate(t.MeanUniformScore)} ({Html.Probability(t.ShareOnTrackTarget)} op koers doel)"));
                sb.Append($"""
                    <tr data-vak="{Html.E(subject.Subject)}"><td class="naam">{Html.E(subject.Subject)}</td>
                    <td>{Html.Estimate(subject.PercentFundamental.Expected)}<span class="bereik">{Html.Range(subject.PercentFundamental)}</span></td>
                    <td>{Html.Estimate(subject.PercentTarget.Expected)}<span class="bereik">{Html.Range(subject.PercentTarget)}</span></td>
                    <td>{subject.PupilsAtRiskFundamental}</td><td>{subject.PupilsAtRiskTarget}</td>
                    <td>{Charts.Trend(subject.Trend)}</td><td class="tekst">{moments}</td></tr>
                    """);
            }

            sb.Append("</tbody></table>");
        }
    }
}
