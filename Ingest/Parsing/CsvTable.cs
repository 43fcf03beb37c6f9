using nietras.SeparatedValues;
using Uitstroom.Ingest.Importing;

namespace Uitstroom.Ingest.Parsing;

/// <summary>Which kind of file a CSV is, told by its header.</summary>
public enum FileFormat
{
    LvsCsv,
    OutflowCsv,
    SchoolsCsv,
    ChainJson,
}

/// <summary>
/// An open CSV export: encoding detected, separator (<c>;</c>, <c>,</c>, tab or <c>|</c>) detected by Sep from the
/// header, header names resolved through <see cref="Columns"/>, personal columns dropped with a warning. Rows are
/// read by the format's parser; a row with the wrong number of fields (a stray quote, a truncated last line) is
/// that row's error, not the file's.
/// </summary>
public sealed class CsvTable : IDisposable
{
    private readonly StreamReader _text;
    private readonly int[] _index;

    private CsvTable(StreamReader text, SepReader reader, int[] index, FileFormat format, List<string> warnings, string encoding, ImportLimits limits)
    {
        _text = text;
        Limits = limits;
        Reader = reader;
        _index = index;
        Format = format;
        Warnings = warnings;
        Encoding = encoding;
    }

    public SepReader Reader { get; }

    public ImportLimits Limits { get; }

    public FileFormat Format { get; }

    public IReadOnlyList<string> Warnings { get; }

    public string Encoding { get; }

    public int ColumnCount => Reader.Header.ColNames.Count;

    public char Separator => Reader.Spec.Sep.Separator;

    /// <summary>The field index of a column, or -1 when the file does not have it.</summary>
    public int IndexOf(Column column) => _index[(int)column];

    public static CsvTable Open(string path, ImportLimits? limits = null)
    {
        var encoding = TextDecoding.Detect(path);
        var text = new StreamReader(path, encoding, detectEncodingFromByteOrderMarks: false, bufferSize: 1 << 16);
        try
        {
            SepReader reader;
            try
            {
                reader = Sep.Reader(o => o with
                {
                    Unescape = true,
                    Trim = SepTrim.All,
                    DisableColCountCheck = true,
                    ColNameComparer = StringComparer.OrdinalIgnoreCase,
                }).From(text);
            }
            catch (ArgumentException e) when (e.Message.Contains("found", StringComparison.Ordinal))
            {
                throw new ImportFileException($"the header has a duplicate column: {e.Message}");
            }

            if (reader.Header.IsEmpty || reader.Header.ColNames.All(string.IsNullOrWhiteSpace))
            {
                reader.Dispose();
                throw new ImportFileException("the file has no header line");
            }

            var (index, warnings, format) = MapHeader(reader.Header.ColNames);
            return new CsvTable(text, reader, index, format, warnings, encoding.WebName, limits ?? new ImportLimits());
        }
        catch
        {
            text.Dispose();
            throw;
        }
    }

    private static (int[] Index, List<string> Warnings, FileFormat Format) MapHeader(IReadOnlyList<string> names)
    {
        var index = Enumerable.Repeat(-1, Enum.GetValues<Column>().Length).ToArray();
        var warnings = new List<string>();
        var personal = new List<(int At, string Name)>();
        for (var i = 0; i < names.Count; i++)
        {
            if (Columns.TryResolve(names[i], out var column))
            {
                if (index[(int)column] >= 0)
                {
                    throw new ImportFileException(
                        $"the header has a duplicate column: '{names[index[(int)column]]}' and '{names[i]}' both mean {column}");
                }

                index[(int)column] = i;
            }

            if (Columns.IsPersonal(names[i]))
            {
                personal.Add((i, names[i]));
            }
        }

        bool Has(Column c) => index[(int)c] >= 0;
        var format =
            Has(Column.LeerlingId) && Has(Column.Score) ? FileFormat.LvsCsv
            : Has(Column.LeerlingId) && Has(Column.Referentieniveau) ? FileFormat.OutflowCsv
            : Has(Column.Bestuur) && Has(Column.Brin) && !Has(Column.LeerlingId) ? FileFormat.SchoolsCsv
            : throw new ImportFileException(
                $"the header ({string.Join(", ", names)}) is not one of the import formats: an LVS file needs leerling_id and score, " +
                "an outflow file leerling_id and referentieniveau, a schools file bestuur and brin (see docs/formats.md)");

        foreach (var (at, name) in personal)
        {
            // In scholen.csv "naam" is the school's name, not a person's.
            if (format == FileFormat.SchoolsCsv && index[(int)Column.Naam] == at)
            {
                continue;
            }

            if (index[(int)Column.Naam] == at)
            {
                index[(int)Column.Naam] = -1;
            }

            warnings.Add($"column '{name}' holds personal data (a name, birth date or citizen number): it was dropped and not stored");
        }

        var required = format switch
        {
            FileFormat.LvsCsv => new[] { Column.Brin, Column.LeerlingId, Column.Schooljaar, Column.Groep, Column.Toetsmoment, Column.Aanbieder, Column.Vak, Column.Score },
            FileFormat.OutflowCsv => [Column.Brin, Column.LeerlingId, Column.Schooljaar, Column.Aanbieder, Column.Vak, Column.Referentieniveau],
            _ => [Column.Bestuur, Column.Brin, Column.Naam],
        };
        var missing = required.Where(c => index[(int)c] < 0).ToList();
        if (missing.Count > 0)
        {
            throw new ImportFileException(
                $"the header lacks required column(s) {string.Join(", ", missing.Select(m => m.ToString().ToLowerInvariant()))} for {Describe(format)}");
        }

        return (index, warnings, format);
    }

    /// <summary>
    /// Every data row, parsed by the format's <paramref name="parse"/> once the checks every format shares have
    /// passed: the row's length, each field's length (<see cref="ImportLimits"/>) and the number of fields.
    /// </summary>
    public IEnumerable<Parsed<T>> Rows<T>(CsvRowParser<T> parse)
        where T : class
    {
        while (Reader.MoveNext())
        {
            yield return Next(parse);
        }
    }

    private Parsed<T> Next<T>(CsvRowParser<T> parse)
        where T : class
    {
        var row = new CsvRow(Reader.Current, this);
        return Refuse(Reader.Current) is { } reason ? Row.Fail<T>(row.Line, reason) : parse(row);
    }

    private string? Refuse(SepReader.Row row)
    {
        var length = row.Span.Length;
        if (length > Limits.MaxLineLength)
        {
            // A line longer than this is not a CSV row of ours (a binary blob, a file without line breaks).
            return $"the row is {length:N0} characters long; a row may be at most {Limits.MaxLineLength:N0} ({ImportLimits.Setting(nameof(ImportLimits.MaxLineLength))})";
        }

        if (row.ColCount != ColumnCount)
        {
            var lines = row.LineNumberToExcl - row.LineNumberFrom;
            var hint = row.ColCount < ColumnCount
                ? lines > 1 ? " (an unclosed quote runs over several lines?)" : " (a truncated line?)"
                : Separator == ',' ? " (a decimal comma in a comma-separated file must be quoted)" : "";
            return $"expected {ColumnCount} fields, found {row.ColCount}{hint}";
        }

        // A row shorter than the field limit cannot hold a field longer than it: most rows skip the loop.
        if (length > Limits.MaxFieldLength)
        {
            for (var i = 0; i < row.ColCount; i++)
            {
                if (row[i].Span.Length > Limits.MaxFieldLength)
                {
                    return $"field '{Reader.Header.ColNames[i]}' is {row[i].Span.Length:N0} characters long; a field may be at most {Limits.MaxFieldLength:N0} ({ImportLimits.Setting(nameof(ImportLimits.MaxFieldLength))})";
                }
            }
        }

        return null;
    }

    public static string Describe(FileFormat format) => format switch
    {
        FileFormat.LvsCsv => "an LVS results file",
        FileFormat.OutflowCsv => "an outflow results file",
        FileFormat.SchoolsCsv => "a schools file",
        _ => "a chain JSON file",
    };

    public void Dispose()
    {
        Reader.Dispose();
        _text.Dispose();
    }
}

/// <summary>Parses one row that passed the shared checks into the format's record, or the reason it cannot.</summary>
public delegate Parsed<T> CsvRowParser<T>(CsvRow row)
    where T : class;

/// <summary>One data row of a <see cref="CsvTable"/>, its fields looked up by <see cref="Column"/>.</summary>
public readonly ref struct CsvRow(SepReader.Row row, CsvTable table)
{
    private readonly SepReader.Row _row = row;

    /// <summary>The 1-based line the row starts on (the header is line 1).</summary>
    public int Line => _row.LineNumberFrom;

    /// <summary>A field by its index in the file (<see cref="CsvTable.IndexOf"/>), for parsers that resolve indexes once.</summary>
    public SepReader.Col this[int index] => _row[index];

    /// <summary>A column the format requires (the header was checked for it).</summary>
    public ReadOnlySpan<char> this[Column column] => _row[table.IndexOf(column)].Span;

    public bool Has(Column column) => table.IndexOf(column) >= 0;

    /// <summary>An optional column's text; empty when the file does not have the column.</summary>
    public ReadOnlySpan<char> Optional(Column column) => Has(column) ? this[column] : default;

    /// <summary>The vestiging (0 when the file has no such column), or the reason it is malformed.</summary>
    public bool TryVestiging(out int vestiging, out string reason)
    {
        reason = "";
        vestiging = 0;
        if (!Has(Column.Vestiging) || (int.TryParse(this[Column.Vestiging], out vestiging) && vestiging is >= 0 and <= 99))
        {
            return true;
        }

        reason = $"malformed vestiging '{Fields.Show(this[Column.Vestiging])}': expected 0..99";
        return false;
    }
}

/// <summary>Reading fields: decimal comma, trimmed text, lookups cached per distinct spelling.</summary>
internal static class Fields
{
    public static bool TryDouble(ReadOnlySpan<char> text, out double value)
    {
        var comma = text.IndexOf(',');
        if (comma < 0)
        {
            return double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out value);
        }

        // A decimal comma (Dutch exports): only one separator may appear, so "1,234.5" stays an error.
        if (text.IndexOf('.') >= 0 || text[(comma + 1)..].IndexOf(',') >= 0 || text.Length > 64)
        {
            value = 0;
            return false;
        }

        Span<char> copy = stackalloc char[text.Length];
        text.CopyTo(copy);
        copy[comma] = '.';
        return double.TryParse(copy, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out value);
    }

    private static readonly string[] DateFormats = ["yyyy-MM-dd", "dd-MM-yyyy", "d-M-yyyy", "dd/MM/yyyy", "d/M/yyyy", "yyyyMMdd", "dd.MM.yyyy"];

    public static bool TryDate(ReadOnlySpan<char> text, out DateOnly date)
    {
        // The two forms nearly every export uses, read directly: general date parsing costs more than the rest of a row.
        if (text.Length == 10 && text[4] == '-' && text[7] == '-'
            && int.TryParse(text[..4], out var y) && int.TryParse(text[5..7], out var m) && int.TryParse(text[8..], out var d))
        {
            return TryCreate(y, m, d, out date);
        }

        if (text.Length == 10 && text[2] == '-' && text[5] == '-'
            && int.TryParse(text[6..], out y) && int.TryParse(text[3..5], out m) && int.TryParse(text[..2], out d))
        {
            return TryCreate(y, m, d, out date);
        }

        return DateOnly.TryParseExact(text, DateFormats, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out date);
    }

    private static bool TryCreate(int year, int month, int day, out DateOnly date)
    {
        var valid = year is >= 1900 and <= 2200 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month);
        date = valid ? new DateOnly(year, month, day) : default;
        return valid;
    }

    public static string Show(ReadOnlySpan<char> text) => text.Length <= 40 ? text.ToString() : $"{text[..40]}…";
}

/// <summary>
/// Parses a column's distinct spellings once: an export has millions of rows but a handful of distinct years,
/// moments, subjects and providers, so the lookup by span avoids a string per field.
/// </summary>
internal sealed class SpanCache<T>(Func<string, T> parse)
{
    private readonly Dictionary<string, T> _seen = new(StringComparer.Ordinal);
    private string? _lastText;
    private T _lastValue = default!;

    public T Get(ReadOnlySpan<char> text)
    {
        // Consecutive rows mostly repeat a column's value (one school, year and provider per block of rows):
        // comparing with the last one is cheaper than hashing the text for the dictionary.
        if (_lastText is not null && text.SequenceEqual(_lastText))
        {
            return _lastValue;
        }

        var lookup = _seen.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.TryGetValue(text, out var key, out var value))
        {
            (_lastText, _lastValue) = (key, value);
            return value;
        }

        // Bounded: a file with a million distinct spellings of a year is rejected row by row, not cached.
        var spelling = text.ToString();
        var parsed = parse(spelling);
        if (_seen.Count < 4096)
        {
            _seen[spelling] = parsed;
        }

        (_lastText, _lastValue) = (spelling, parsed);
        return parsed;
    }
}

