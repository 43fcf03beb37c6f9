using ClosedXML.Excel;
using Uitstroom.Contracts.Reporting.V1;

namespace Uitstroom.Reporting.Exports;

/// <summary>
/// The overview as an Excel workbook (ClosedXML): numbers as numbers, text made formula-safe, a frozen header.
/// Also compiled into the CLI, which writes the same workbook from the gRPC API.
/// </summary>
public static class XlsxExport
{
    public static byte[] Write(BoardOverview overview)
    {
        using var workbook = new XLWorkbook();
        var sheet = workbook.Worksheets.Add("Overzicht");
        var header = OverviewTable.Header(overview);
        for (var c = 0; c < header.Count; c++)
        {
            sheet.Cell(1, c + 1).SetValue(SafeText.Cell(header[c]));
        }

        sheet.Row(1).Style.Font.Bold = true;
        var r = 2;
        foreach (var row in OverviewTable.Rows(overview))
        {
            for (var c = 0; c < row.Count; c++)
            {
                var cell = sheet.Cell(r, c + 1);
                switch (row[c])
                {
                    case double d:
                        cell.SetValue(d);
                        break;
                    case int i:
                        cell.SetValue(i);
                        break;
                    case string s:
                        // SetValue keeps text as text; SafeText keeps a later CSV save from turning it into a formula.
                        cell.SetValue(SafeText.Cell(s));
                        break;
                }
            }

            r++;
        }

        sheet.SheetView.FreezeRows(1);
        var about = workbook.Worksheets.Add("Over");
        about.Cell(1, 1).SetValue("Bestuur");
        about.Cell(1, 2).SetValue(SafeText.Cell($"{overview.Bgnr} {overview.Name}"));
        about.Cell(2, 1).SetValue("Gegenereerd");
        about.Cell(2, 2).SetValue(overview.GeneratedAt);
        about.Cell(3, 1).SetValue("Prognose op basis van");
        about.Cell(3, 2).SetValue(SafeText.Cell(overview.ForecastAsOf));
        about.Cell(4, 1).SetValue("Meldingen");
        about.Cell(4, 2).SetValue(SafeText.Cell(string.Join(" ", overview.Notices.Select(n => n.Message))));

        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }
}
