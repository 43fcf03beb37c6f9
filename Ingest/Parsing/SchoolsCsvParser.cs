using Uitstroom.Domain.Results;

namespace Uitstroom.Ingest.Parsing;

/// <summary>Reads <c>scholen.csv</c> (<c>bestuur;brin;vestiging;naam;schoolweging</c>): the registry a board brings itself.</summary>
public sealed class SchoolsCsvParser(CsvTable table)
{
    public IEnumerable<Parsed<SchoolRecord>> Rows() => table.Rows(Parse);

    private static Parsed<SchoolRecord> Parse(CsvRow row)
    {
        var line = row.Line;
        try
        {
            var bgnr = BoardNumber.Parse(row[Column.Bestuur].ToString());
            if (!row.TryVestiging(out var vestiging, out var malformed))
            {
                return Row.Fail<SchoolRecord>(line, malformed);
            }

            var school = SchoolId.Create(row[Column.Brin].ToString(), vestiging);
            var name = row[Column.Naam].ToString();
            double? weging = null;
            var text = row.Optional(Column.Schoolweging);
            if (!text.IsEmpty)
            {
                weging = Fields.TryDouble(text, out var w) && w is >= 15 and <= 45
                    ? w
                    : throw new DomainFormatException($"malformed schoolweging '{Fields.Show(text)}': expected a number around 20..40");
            }

            return name.Length == 0
                ? Row.Fail<SchoolRecord>(line, "naam is empty")
                : Row.Ok<SchoolRecord>(line, new SchoolRecord(bgnr, school, name, weging));
        }
        catch (DomainFormatException e)
        {
            return Row.Fail<SchoolRecord>(line, e.Message);
        }
    }
}
