using System.Text.RegularExpressions;

namespace Uitstroom.Ingest.PublicData;

/// <summary>
/// Reads the Inspectie's schoolweging sheets: one per school year (<c>OVT, Naam, BGNR, schoolweging,
/// aantal_leerlingen, spreiding</c>; the year is only in the file name, e.g. <c>…2022-2023.csv</c>) and the
/// three-year mean (<c>schoolweging 2021-2022, 2022-2023, 2023-2024</c>). An empty schoolweging is kept as absent:
/// CBS publishes none for small and new schools.
/// </summary>
public static partial class SchoolwegingReader
{
    public static ParsedPublicFile ReadYear(PublicCsv csv, string fileName)
    {
        var matches = SchoolYearInName().Matches(Path.GetFileNameWithoutExtension(fileName));
        if (matches.Count != 1 || !SchoolYear.TryParse(matches[0].Value, out var year))
        {
            throw new PublicFileException(
                $"{fileName}: a yearly schoolweging file names its school year only in the file name; name it like inspectie_schoolweging_2023-2024.csv");
        }

        return Read(csv, fileName, PublicFileKind.InspectieSchoolwegingJaar, [year], row => new SchoolwegingRow(
            row.Line, Ovt.Parse(row["OVT"]), row["Naam"].Trim(), BoardNumber.Parse(row["BGNR"]), year,
            Cells.OptionalNumber(row["schoolweging"], "schoolweging"),
            Cells.IsEmpty(row["aantal_leerlingen"]) ? null : Cells.Count(row["aantal_leerlingen"], "aantal_leerlingen"),
            Cells.OptionalNumber(row["spreiding"], "spreiding")));
    }

    public static ParsedPublicFile ReadThreeYear(PublicCsv csv, string fileName)
    {
        var column = csv.Header.First(h => h.StartsWith("schoolweging ", StringComparison.OrdinalIgnoreCase));
        var years = SchoolYearInName().Matches(column).Select(m => HeaderYears.Parse(m.Value, column, fileName)).ToList();
        return Read(csv, fileName, PublicFileKind.InspectieSchoolwegingDriejaars, years, row => new SchoolwegingRow(
            row.Line, Ovt.Parse(row["OVT"]), row["Naam"].Trim(), BoardNumber.Parse(row["BGNR"]), null,
            Cells.OptionalNumber(row[column], column), null, null));
    }

    private static ParsedPublicFile Read(
        PublicCsv csv, string fileName, PublicFileKind kind, IReadOnlyList<SchoolYear> years, Func<PublicRow, SchoolwegingRow> read)
    {
        var rows = new List<object>();
        var rejected = new List<RejectedLine>();
        foreach (var row in csv.Rows)
        {
            try
            {
                var parsed = read(row);
                if (parsed.Schoolweging is { } w && w is < 0 or > 100)
                {
                    throw new FormatException($"schoolweging {w} is outside the CBS scale");
                }

                rows.Add(parsed);
            }
            catch (FormatException e)
            {
                rejected.Add(new RejectedLine(row.Line, e.Message));
            }
        }

        return new ParsedPublicFile(fileName, kind, years, rows, rejected);
    }

    [GeneratedRegex(@"\d{4}-\d{4}")]
    private static partial Regex SchoolYearInName();
}
