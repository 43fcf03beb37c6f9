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
        sb.Append($"""<h1>{Html.E(s.Name)} <span class="bijschrift">({Html.E(s.SchoolKey)}, bestuur {Html.E(r.Bgnr)})</span></h1>""");
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

        sb.Append("<th>Kans onder</th><th>Tekort</th><th>Verwachte uitstroom</th><th>Verloop</th></tr></thead>");
        BoardPage.SchoolBlock(sb, r.Bgnr, s, r.RealisedYears, r.ForecastYears, link: false);
        sb.Append("</table>");

        Gap(sb, s);
        Subjects(sb, r);
        Cohorts(sb, r);
        OutlookHistory(sb, r);
        TrackRecord(sb, r);
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

    private static void OutlookHistory(StringBuilder sb, SchoolReport r)
    {
        sb.Append("<h2>Verloop van de prognose</h2>");
        if (r.OutlookHistory.Count == 0)
        {
            sb.Append("""<p class="bijschrift" id="geen-verloop">Er zijn nog geen momentopnamen van de prognose voor deze school bewaard.</p>""");
            return;
        }

        sb.Append($"""<p class="bijschrift">Zo zag de prognose er op elk toetsmoment uit: per komend uitstroomjaar het verwachte % ≥1F en % ≥1S/2F (80%-bereik), en de grootste kans om onder de signaleringswaarde uit te komen. Teruggerekend: achteraf berekend met de gegevens van toen en het huidige model.</p>""");
        sb.Append(Charts.Sparkline(r.Summary.Outlook, width: 320, height: 70));
        sb.Append("""<table id="verloop"><thead><tr><th class="naam">Moment</th><th>Herkomst</th><th>Status</th><th>Kans onder</th><th class="naam">Verwacht % ≥1F</th><th class="naam">Verwacht % ≥1S/2F</th></tr></thead><tbody>""");
        foreach (var m in r.OutlookHistory)
        {
            static string Years(IEnumerable<ForecastYear> years) =>
                string.Join("; ", years.Select(y => $"{Html.E(y.SchoolYear)}: {Html.Estimate(y.Percent.Expected)} ({Html.Range(y.Percent)})"));
            sb.Append($"""
                <tr data-moment="{Html.E(m.Snapshot.Moment)}" data-kans="{Html.Data(m.ProbabilityBelow)}"><td class="naam">{Html.E(m.Snapshot.Moment)}<br><span class="bijschrift">peildatum {Html.E(m.Snapshot.Peildatum)}</span></td>
                <td class="tekst herkomst">{Html.Origin(m.Snapshot.Origin)}</td><td><span class="status {Html.StatusLabel(m.Status)}">{Html.StatusLabel(m.Status)}</span></td>
                <td class="kans">{Html.Probability(m.ProbabilityBelow)}</td><td class="tekst">{Years(m.Fundamental)}</td><td class="tekst">{Years(m.Target)}</td></tr>
                """);
        }

        sb.Append("</tbody></table>");
    }

    private static void TrackRecord(StringBuilder sb, SchoolReport r)
    {
        sb.Append("<h2>Trackrecord</h2>");
        if (r.TrackRecordRows.Count == 0)
        {
            sb.Append("""<p class="bijschrift" id="geen-trackrecord">Nog geen gerealiseerd uitstroomjaar waarvoor vooraf een prognose is bewaard.</p>""");
            return;
        }

        if (r.Summary.TrackRecord is { } t)
        {
            sb.Append($"""<p id="trackrecord-samenvatting" data-inside80="{Html.Data(t.Inside80)}">Gemiddelde afwijking % ≥1F {Html.Estimate(t.MeanAbsoluteErrorFundamental)} en % ≥1S/2F {Html.Estimate(t.MeanAbsoluteErrorTarget)} procentpunt; {Html.Probability(t.Inside80)} binnen het 80%-bereik; status {t.StatusCallsRight} van {t.StatusCalls} keer juist.</p>""");
        }

        sb.Append("""<table id="trackrecord"><thead><tr><th class="naam">Uitstroomjaar</th><th>Indicator</th><th class="naam">Prognose van</th><th>Verwacht (80%)</th><th>Gerealiseerd</th><th>Binnen bereik</th><th>Kans onder / status</th><th>Uitkomst</th></tr></thead><tbody>""");
        foreach (var row in r.TrackRecordRows)
        {
            var call = row.HasProbabilityBelow ? $"{Html.Probability(row.ProbabilityBelow)} · {Html.StatusLabel(row.ForecastStatus)}" : "–";
            var right = row.HasStatusRight ? (row.StatusRight ? " (juist)" : " (onjuist)") : "";
            sb.Append($"""
                <tr data-jaar="{Html.E(row.SchoolYear)}" data-indicator="{Html.E(row.Indicator)}"><td class="naam">{Html.E(row.SchoolYear)}</td><td>{Html.E(row.Indicator)}</td>
                <td class="tekst">{Html.E(row.MadeAt.Moment)} ({Html.Origin(row.MadeAt.Origin)})</td>
                <td class="verwacht">{Html.Estimate(row.Forecast.Expected)}<span class="bereik">{Html.Range(row.Forecast)}</span></td>
                <td class="gerealiseerd" title="{row.RealisedPupils} leerlingen">{Html.Percent(row.Realised)}</td><td>{(row.Inside80 ? "ja" : "nee")}</td>
                <td class="tekst">{call}</td><td class="tekst">{Html.OutcomeLabel(row.RealisedOutcome)}{right}</td></tr>
                """);
        }

        sb.Append("</tbody></table>");
    }
}
