using nietras.SeparatedValues;
using Uitstroom.Domain.Results;

namespace Uitstroom.Ingest.Parsing;

/// <summary>Reads an outflow (doorstroomtoets/eindtoets) results CSV: one row per pupil × subject (docs/formats.md).</summary>
public sealed class OutflowCsvParser(CsvTable table)
{
    private readonly int _brin = table.IndexOf(Column.Brin);
    private readonly int _vestiging = table.IndexOf(Column.Vestiging);
    private readonly int _pupil = table.IndexOf(Column.LeerlingId);
    private readonly int _year = table.IndexOf(Column.Schooljaar);
    private readonly int _provider = table.IndexOf(Column.Aanbieder);
    private readonly int _subject = table.IndexOf(Column.Vak);
    private readonly int _level = table.IndexOf(Column.Referentieniveau);
    private readonly int _exempt = table.IndexOf(Column.Ontheffing);

    public IEnumerable<Parsed<OutflowRecord>> Rows()
    {
        var reader = table.Reader;
        while (reader.MoveNext())
        {
            yield return Parse(reader.Current);
        }
    }

    private Parsed<OutflowRecord> Parse(SepReader.Row row)
    {
        var line = row.LineNumberFrom;
        if (row.Span.Length > LvsCsvParser.MaxRowLength)
        {
            return Row.Fail<OutflowRecord>(line, $"the row is {row.Span.Length:N0} characters long; a row may be at most {LvsCsvParser.MaxRowLength:N0}");
        }

        if (row.ColCount != table.ColumnCount)
        {
            return Row.Fail<OutflowRecord>(line, LvsCsvParser.ColumnCountReason(row, table));
        }

        try
        {
            var vestiging = 0;
            if (_vestiging >= 0 && !(int.TryParse(row[_vestiging].Span, out vestiging) && vestiging is >= 0 and <= 99))
            {
                return Row.Fail<OutflowRecord>(line, $"malformed vestiging '{Fields.Show(row[_vestiging].Span)}': expected 0..99");
            }

            var school = SchoolId.Create(row[_brin].ToString(), vestiging);
            var pupil = row[_pupil].ToString();
            if (pupil.Length is 0 or > 64)
            {
                return Row.Fail<OutflowRecord>(line, pupil.Length == 0 ? "leerling_id is empty" : "leerling_id is longer than 64 characters");
            }

            var year = SchoolYear.Parse(row[_year].ToString());
            if (!Providers.TryOutflow(row[_provider].ToString(), out var provider))
            {
                return Row.Fail<OutflowRecord>(line, $"unknown aanbieder '{Fields.Show(row[_provider].Span)}': expected ROUTE_8, ICE, DIA, AMN, LEERLING_IN_BEELD or DOE");
            }

            var subject = Subjects.Parse(row[_subject].ToString());
            var exempt = _exempt >= 0 && ParseExempt(row[_exempt].Span);
            ReferenceLevel? level = null;
            if (!row[_level].Span.IsEmpty)
            {
                var l = ReferenceLevels.Parse(row[_level].ToString());
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
