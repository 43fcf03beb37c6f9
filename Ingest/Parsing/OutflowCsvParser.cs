using Uitstroom.Domain.Results;

namespace Uitstroom.Ingest.Parsing;

/// <summary>Reads an outflow (doorstroomtoets/eindtoets) results CSV: one row per pupil × subject (docs/formats.md).</summary>
public sealed class OutflowCsvParser(CsvTable table)
{
    public IEnumerable<Parsed<OutflowRecord>> Rows() => table.Rows(Parse);

    private static Parsed<OutflowRecord> Parse(CsvRow row)
    {
        var line = row.Line;
        try
        {
            if (!row.TryVestiging(out var vestiging, out var malformed))
            {
                return Row.Fail<OutflowRecord>(line, malformed);
            }

            var school = SchoolId.Create(row[Column.Brin].ToString(), vestiging);
            var pupil = row[Column.LeerlingId].ToString();
            if (pupil.Length is 0 or > 64)
            {
                return Row.Fail<OutflowRecord>(line, pupil.Length == 0 ? "leerling_id is empty" : "leerling_id is longer than 64 characters");
            }

            var year = SchoolYear.Parse(row[Column.Schooljaar].ToString());
            if (!Providers.TryOutflow(row[Column.Aanbieder].ToString(), out var provider))
            {
                return Row.Fail<OutflowRecord>(line, $"unknown aanbieder '{Fields.Show(row[Column.Aanbieder])}': expected ROUTE_8, ICE, DIA, AMN, LEERLING_IN_BEELD or DOE");
            }

            var subject = Subjects.Parse(row[Column.Vak].ToString());
            var exempt = ParseExempt(row.Optional(Column.Ontheffing));
            ReferenceLevel? level = null;
            if (!row[Column.Referentieniveau].IsEmpty)
            {
                var l = ReferenceLevels.Parse(row[Column.Referentieniveau].ToString());
                if (!l.IsValidFor(subject))
                {
                    return Row.Fail<OutflowRecord>(line, $"referentieniveau {l.Code()} does not exist for {subject.Code()}");
                }

                level = l;
            }
            else if (!exempt)
            {
                return Row.Fail<OutflowRecord>(line, "referentieniveau is empty for a pupil without ontheffing");
            }

            return Row.Ok<OutflowRecord>(line, new OutflowRecord(school, pupil, year, provider, subject, exempt ? null : level, exempt));
        }
        catch (DomainFormatException e)
        {
            return Row.Fail<OutflowRecord>(line, e.Message);
        }
    }

    private static bool ParseExempt(ReadOnlySpan<char> text) =>
        text.Equals("ja", StringComparison.OrdinalIgnoreCase) || text.Equals("j", StringComparison.OrdinalIgnoreCase)
        || text.Equals("1", StringComparison.Ordinal) || text.Equals("true", StringComparison.OrdinalIgnoreCase)
        || text.Equals("x", StringComparison.OrdinalIgnoreCase);
}
