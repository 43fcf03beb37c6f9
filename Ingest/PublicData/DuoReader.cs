using System.Globalization;

namespace Uitstroom.Ingest.PublicData;

/// <summary>
/// Reads DUO's open-data files: "10. leerlingen bo referentieniveaus" (per vestiging the pupils per subject and
/// reached level, <c>&lt;5</c> kept as a range) and "02. alle schoolvestigingen basisonderwijs" (the address file:
/// vestigingen and their boards).
/// </summary>
public static class DuoReader
{
    // Column → (subject, level). REKENEN_2F is always 0 (there is no 2F for rekenen in the outcome) and is skipped.
    private static readonly (string Column, Subject Subject, ReferenceLevel Level)[] LevelColumns =
    [
        ("REKENEN_LAGER1F", Subject.Rekenen, ReferenceLevel.Below1F),
        ("REKENEN_1F", Subject.Rekenen, ReferenceLevel.Level1F),
        ("REKENEN_1S", Subject.Rekenen, ReferenceLevel.Level1S),
        ("LV_LAGER1F", Subject.Lezen, ReferenceLevel.Below1F),
        ("LV_1F", Subject.Lezen, ReferenceLevel.Level1F),
        ("LV_2F", Subject.Lezen, ReferenceLevel.Level2F),
        ("TV_LAGER1F", Subject.Taalverzorging, ReferenceLevel.Below1F),
        ("TV_1F", Subject.Taalverzorging, ReferenceLevel.Level1F),
        ("TV_2F", Subject.Taalverzorging, ReferenceLevel.Level2F),
    ];

    public static ParsedPublicFile ReadLevelCounts(PublicCsv csv, string fileName)
    {
        var rows = new List<object>();
        var rejected = new List<RejectedLine>();
        foreach (var row in csv.Rows)
        {
            try
            {
                // PEILDATUM is 1 October of the school year whose spring test the counts report.
                var peildatum = DateOnly.ParseExact(row["PEILDATUM"].Trim(), "yyyyMMdd", CultureInfo.InvariantCulture);
                var counts = LevelColumns.ToDictionary(c => (c.Subject, c.Level), c => Parse(row, c.Column));
                if (Parse(row, "REKENEN_2F") is { Low: > 0 })
                {
                    throw new FormatException("REKENEN_2F is not 0: there is no 2F for rekenen in the doorstroomtoets outcome");
                }

                rows.Add(new DuoLevelCountRow(
                    row.Line, School(row["INSTELLINGSCODE"], row["VESTIGINGSCODE"]), SchoolYear.Containing(peildatum),
                    BoardNumber.Parse(row["BEVOEGD_GEZAG_NUMMER"]), row["INSTELLINGSNAAM_VESTIGING"].Trim(), counts));
            }
            catch (FormatException e)
            {
                rejected.Add(new RejectedLine(row.Line, e.Message));
            }
        }

        var years = rows.Cast<DuoLevelCountRow>().Select(r => r.Year).Distinct().Order().ToList();
        return new ParsedPublicFile(fileName, PublicFileKind.DuoReferentieniveaus, years, rows, rejected);
    }

    public static ParsedPublicFile ReadSchools(PublicCsv csv, string fileName)
    {
        var rows = new List<object>();
        var rejected = new List<RejectedLine>();
        foreach (var row in csv.Rows)
        {
            try
            {
                rows.Add(new DuoSchoolRow(
                    row.Line, School(row["INSTELLINGSCODE"], row["VESTIGINGSCODE"]), BoardNumber.Parse(row["BEVOEGD GEZAG NUMMER"]),
                    row["VESTIGINGSNAAM"].Trim(), row["GEMEENTENAAM"].Trim()));
            }
            catch (FormatException e)
            {
                rejected.Add(new RejectedLine(row.Line, e.Message));
            }
        }

        return new ParsedPublicFile(fileName, PublicFileKind.DuoSchoolvestigingen, [], rows, rejected);
    }

    private static CountRange Parse(PublicRow row, string column)
    {
        try
        {
            return CountRange.Parse(row[column]);
        }
        catch (FormatException e)
        {
            throw new FormatException($"{column}: {e.Message}");
        }
    }

    /// <summary>The vestiging is 0, 1, … in file 10 and the 6-character BRIN+nn form (00AP00) in file 02.</summary>
    private static SchoolId School(string brin, string vestiging)
    {
        var v = vestiging.Trim();
        if (v.Length == 6)
        {
            if (!string.Equals(v[..4], brin.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                throw new FormatException($"VESTIGINGSCODE '{v}' does not belong to INSTELLINGSCODE '{brin}'");
            }

            v = v[4..];
        }

        return int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            ? SchoolId.Create(brin, n)
            : throw new FormatException($"VESTIGINGSCODE '{vestiging}' is not a vestiging number");
    }
}
