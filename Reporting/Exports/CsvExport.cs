using System.Globalization;
using System.Text;
using Uitstroom.Contracts.Reporting.V1;

namespace Uitstroom.Reporting.Exports;

/// <summary>
/// The overview as CSV for a Dutch spreadsheet: semicolon separated, decimal comma, UTF-8 with BOM (so Excel reads
/// the accents), every field quoted when it contains a separator, quote or line break.
/// </summary>
public static class CsvExport
{
    private static readonly NumberFormatInfo Dutch = DutchFormat.Numbers;

    public static byte[] Write(BoardOverview overview)
    {
        var sb = new StringBuilder();
        Line(sb, OverviewTable.Header(overview));
        foreach (var row in OverviewTable.Rows(overview))
        {
            Line(sb, row);
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(sb.ToString())];
    }

    private static void Line(StringBuilder sb, IEnumerable<object?> cells)
    {
        sb.AppendJoin(';', cells.Select(Field));
        sb.Append("\r\n");
    }

    private static string Field(object? value)
    {
        var text = value switch
        {
            null => "",
            double d => d.ToString("0.####", Dutch),
            int i => i.ToString(CultureInfo.InvariantCulture),
            _ => SafeText.Cell(value.ToString()),
        };
        return text.IndexOfAny([';', '"', '\n', '\r']) >= 0 ? $"\"{text.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : text;
    }
}
