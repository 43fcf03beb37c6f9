using Uitstroom.Domain.Inspectie;

namespace Uitstroom.Ingest.PublicData;

/// <summary>
/// Reads the Inspectie's "gemiddelde referentieniveaus per school" file: per OVT three years of %1F, %1S/2F and
/// pupil counts (columns suffixed with the compact year, e.g. <c>2223</c>), the schoolweging, the signaleringswaarden,
/// the pooled values and the outcomes. <c>*</c> is masked (kept as such), an empty year is absent.
/// </summary>
public static class InspectieResultsReader
{
    private const string YearPupils = "Aantal leerlingen ";

    public static ParsedPublicFile Read(PublicCsv csv, string fileName)
    {
        var years = csv.Header
            .Where(h => h.StartsWith(YearPupils, StringComparison.OrdinalIgnoreCase))
            .Select(h => (Suffix: h[YearPupils.Length..].Trim(), Year: HeaderYears.Parse(h[YearPupils.Length..], h, fileName)))
            .OrderBy(y => y.Year)
            .ToList();
        if (years.Count == 0)
        {
            throw new PublicFileException($"{fileName}: no 'Aantal leerlingen <jaar>' columns, so no outflow years");
        }

        var rows = new List<object>();
        var rejected = new List<RejectedLine>();
        foreach (var row in csv.Rows)
        {
            try
            {
                rows.Add(ReadRow(row, years));
            }
            catch (FormatException e)
            {
                rejected.Add(new RejectedLine(row.Line, e.Message));
            }
        }

        return new ParsedPublicFile(fileName, PublicFileKind.InspectieLeerresultaten, [.. years.Select(y => y.Year)], rows, rejected);
    }

    private static InspectieResultRow ReadRow(PublicRow row, List<(string Suffix, SchoolYear Year)> years)
    {
        var ovt = Ovt.Parse(row["ovt"]);
        var published = new List<PublishedYearRow>();
        foreach (var (suffix, year) in years)
        {
            string f = $"Gemiddelde %1F {suffix}", t = $"Gemiddelde %1S/2F {suffix}", n = $"{YearPupils}{suffix}";
            if (Cells.IsEmpty(row[n]) && Cells.IsEmpty(row[f]) && Cells.IsEmpty(row[t]))
            {
                continue;
            }

            if (Cells.IsMasked(row[n]))
            {
                published.Add(new PublishedYearRow(year, true, null, null, null));
                continue;
            }

            var pupils = Cells.Count(row[n], n);
            if (pupils <= 0)
            {
                throw new FormatException($"{n}: a published year needs at least one pupil, got {pupils}");
            }

            published.Add(new PublishedYearRow(year, false, pupils, Cells.Percent(row[f], f), Cells.Percent(row[t], t)));
        }

        const string total = "Totaal aantal leerlingen 3 jaar", pooledF = "Gewogen driejaarsgemiddelde %1F", pooledT = "Gewogen driejaarsgemiddelde %1S/2F";
        return new InspectieResultRow(
            row.Line,
            ovt,
            published,
            Cells.OptionalNumber(row["Schoolweging"], "Schoolweging"),
            Cells.Percent(row["Signaleringswaarde 1F"], "Signaleringswaarde 1F"),
            Cells.IsEmpty(row["Signaleringswaarde 1S/2F"]) ? null : Cells.Percent(row["Signaleringswaarde 1S/2F"], "Signaleringswaarde 1S/2F"),
            Cells.IsMasked(row[pooledF]) ? null : Cells.Percent(row[pooledF], pooledF),
            Cells.IsMasked(row[pooledT]) ? null : Cells.Percent(row[pooledT], pooledT),
            Cells.IsMasked(row[total]) ? null : Cells.Count(row[total], total),
            Outcomes.Parse(row["Uitkomst indicator 1F"]),
            Outcomes.Parse(row["Uitkomst indicator 1S/2F"]));
    }
}
