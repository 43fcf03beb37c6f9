using System.Text;
using ClosedXML.Excel;
using Uitstroom.Contracts.Reporting.V1;
using Uitstroom.Reporting.Exports;

namespace Uitstroom.Reporting.Tests;

/// <summary>School names come from imported files: an export must never hand a spreadsheet a formula.</summary>
public class ExportSafetyTests
{
    private static readonly string[] Dangerous = ["=HYPERLINK(\"http://x\",\"klik\")", "+31 6", "-2+3", "@SUM(A1)", "\tTab", "\rCR"];

    private static BoardOverview Overview() => new()
    {
        Bgnr = "41583",
        Name = "=Stichting",
        RealisedYears = { "2024-2025" },
        Schools =
        {
            Dangerous.Select((name, i) => new SchoolRow
            {
                Ovt = $"0{i}AA|C1", Brin = $"0{i}AA", Name = name, Provider = "CITO", Status = SchoolStatus.Groen,
                Fundamental = new IndicatorRow { Indicator = "1F", Signaleringswaarde = 85, Pooled = 90.5, Outcome = "boven" },
                Target = new IndicatorRow { Indicator = "1S/2F", Signaleringswaarde = 50.1, Pooled = 48.25, Outcome = "onder" },
            }),
        },
    };

    [Theory]
    [InlineData("=1+2", "'=1+2")]
    [InlineData("+1", "'+1")]
    [InlineData("-1", "'-1")]
    [InlineData("@A1", "'@A1")]
    [InlineData("\tx", "'\tx")]
    [InlineData("\rx", "'\rx")]
    [InlineData("De Regenboog", "De Regenboog")]
    [InlineData("", "")]
    public void Text_that_a_spreadsheet_would_evaluate_is_prefixed_with_an_apostrophe(string text, string expected) =>
        SafeText.Cell(text).ShouldBe(expected);

    [Fact]
    public void The_CSV_export_starts_no_text_field_with_a_formula_character_and_keeps_numbers_numeric()
    {
        var csv = Encoding.UTF8.GetString(CsvExport.Write(Overview())).TrimStart('\uFEFF');
        var names = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(line => line.Split(';')[3].Trim('"'))
            .ToList();

        names.ShouldAllBe(n => n.StartsWith('\''));
        csv.ShouldContain(";48,25;");
        csv.ShouldContain(";90,5;");
    }

    [Fact]
    public void The_XLSX_export_writes_names_as_safe_text_and_values_as_numbers()
    {
        using var workbook = new XLWorkbook(new MemoryStream(XlsxExport.Write(Overview())));
        var sheet = workbook.Worksheet("Overzicht");

        var names = sheet.Column(4).CellsUsed().Skip(1).ToList();
        names.Count.ShouldBe(2 * Dangerous.Length);
        names.ShouldAllBe(c => !c.HasFormula && c.GetString().StartsWith('\''));
        var pooled = sheet.Row(2).CellsUsed().Single(c => c.Address.ColumnNumber == OverviewTable.Header(Overview()).ToList().IndexOf("driejaarsgemiddelde") + 1);
        pooled.DataType.ShouldBe(XLDataType.Number);
        pooled.GetDouble().ShouldBe(90.5);
    }
}
