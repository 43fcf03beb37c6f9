using Uitstroom.Domain.Results;

namespace Uitstroom.Ingest.Parsing;

/// <summary>Reads <c>scholen.csv</c> (<c>bestuur;brin;vestiging;naam;schoolweging</c>): the registry a board brings itself.</summary>
public sealed class SchoolsCsvParser(CsvTable table)
{
    private readonly int _board = table.IndexOf(Column.Bestuur);
    private readonly int _brin = table.IndexOf(Column.Brin);
    private readonly int _vestiging = table.IndexOf(Column.Vestiging);
    private readonly int _name = table.IndexOf(Column.Naam);
    private readonly int _weging = table.IndexOf(Column.Schoolweging);

    public IEnumerable<Parsed<SchoolRecord>> Rows()
    {
        var reader = table.Reader;
        while (reader.MoveNext())
        {
            var row = reader.Current;
            var line = row.LineNumberFrom;
            if (row.ColCount != table.ColumnCount)
            {
                yield return Row.Fail<SchoolRecord>(line, LvsCsvParser.ColumnCountReason(row, table));
                continue;
            }

            Parsed<SchoolRecord> parsed;
            try
            {
                var bgnr = BoardNumber.Parse(row[_board].ToString());
                var vestiging = 0;
                if (_vestiging >= 0 && !(int.TryParse(row[_vestiging].Span, out vestiging) && vestiging is >= 0 and <= 99))
                {
                    throw new DomainFormatException($"malformed vestiging '{Fields.Show(row[_vestiging].Span)}': expected 0..99");
                }

                var school = SchoolId.Create(row[_brin].ToString(), vestiging);
                var name = row[_name].ToString();
                double? weging = null;
                if (_weging >= 0 && !row[_weging].Span.IsEmpty)
                {
                    weging = Fields.TryDouble(row[_weging].Span, out var w) && w is >= 15 and <= 45
                        ? w
                        : throw new DomainFormatException($"malformed schoolweging '{Fields.Show(row[_weging].Span)}': expected a number around 20..40");
                }

                parsed = name.Length == 0
                    ? Row.Fail<SchoolRecord>(line, "naam is empty")
                    : Row.Ok<SchoolRecord>(line, new SchoolRecord(bgnr, school, name, weging));
            }
            catch (DomainFormatException e)
            {
                parsed = Row.Fail<SchoolRecord>(line, e.Message);
            }

            yield return parsed;
        }
    }
}
