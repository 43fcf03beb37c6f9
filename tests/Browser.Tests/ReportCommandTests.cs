using System.Diagnostics;
using ClosedXML.Excel;
using Uitstroom.Contracts.Reporting.V1;
using Uitstroom.Reporting.Tests.Fixtures;
using Uitstroom.Tests;

namespace Uitstroom.Reporting.Tests.Browser;

/// <summary>
/// <c>uitstroom report</c> as a user runs it, against Reporting on real ports: the HTML page, the PDF printed by
/// Debian's Chromium, and the Excel workbook built from the gRPC API.
/// </summary>
public sealed class ReportCommandTests : IAsyncLifetime
{
    private ReportingHost _host = null!;
    private readonly DirectoryInfo _out = Directory.CreateTempSubdirectory("uitstroom-report-test-");

    public Task InitializeAsync()
    {
        _host = new ReportingHost(new PublishedBoardSources(), kestrel: true).Start();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _out.Delete(recursive: true);
    }

    /// <summary>The CLI built beside these tests: same configuration, same target framework.</summary>
    private static string CliDll()
    {
        var bin = new DirectoryInfo(AppContext.BaseDirectory);
        var (framework, configuration) = (bin.Name, bin.Parent!.Name);
        for (var dir = bin; dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "Cli", "bin", configuration, framework, "uitstroom.dll");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("uitstroom.dll was not built beside the tests (Browser.Tests references Cli)");
    }

    private async Task<(int Exit, string Output)> Report(string file)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            // The CLI's key comes from the environment here, as in a script (docs/security.md).
            Environment = { ["UITSTROOM_API_KEY"] = TestKeys.Admin },
            ArgumentList =
            {
                CliDll(), "report", "--board", PublishedBoardSources.DemoBoard, "--out", Path.Combine(_out.FullName, file),
                "--reporting", _host.GrpcAddress.ToString(), "--web", _host.HttpAddress.ToString(),
            },
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output + await error);
    }

    [Fact]
    public async Task The_report_command_writes_the_page_as_HTML_and_PDF_and_the_overview_as_a_workbook_equal_to_the_API()
    {
        var api = await new BoardReports.BoardReportsClient(_host.Channel())
            .GetBoardOverviewAsync(new GetBoardOverviewRequest { Bgnr = PublishedBoardSources.DemoBoard });

        var html = await Report("rapport.html");
        var pdf = await Report("rapport.pdf");
        var xlsx = await Report("rapport.xlsx");

        html.Exit.ShouldBe(0, html.Output);
        pdf.Exit.ShouldBe(0, pdf.Output);
        xlsx.Exit.ShouldBe(0, xlsx.Output);
        var page = await File.ReadAllTextAsync(Path.Combine(_out.FullName, "rapport.html"));
        api.Schools.ShouldAllBe(s => page.Contains(System.Net.WebUtility.HtmlEncode(s.Name)));
        var printed = await File.ReadAllBytesAsync(Path.Combine(_out.FullName, "rapport.pdf"));
        System.Text.Encoding.ASCII.GetString(printed, 0, 5).ShouldBe("%PDF-");
        using var workbook = new XLWorkbook(Path.Combine(_out.FullName, "rapport.xlsx"));
        var sheet = workbook.Worksheet("Overzicht");
        sheet.RowsUsed().Count().ShouldBe(1 + (2 * api.Schools.Count));
        var header = sheet.Row(1).CellsUsed().Select(c => c.GetString()).ToList();
        var pooled = header.IndexOf("driejaarsgemiddelde") + 1;
        var rows = sheet.RowsUsed().Skip(1).ToList();
        for (var i = 0; i < api.Schools.Count; i++)
        {
            var school = api.Schools[i];
            rows[2 * i].Cell(2).GetString().ShouldBe(school.Ovt);
            if (school.Target.HasPooled)
            {
                rows[(2 * i) + 1].Cell(pooled).GetDouble().ShouldBe(school.Target.Pooled);
            }
        }
    }

    [Fact]
    public async Task The_report_command_refuses_an_unknown_format_with_a_clear_error()
    {
        var result = await Report("rapport.docx");

        result.Exit.ShouldBe(2);
        result.Output.ShouldContain(".html, .pdf or .xlsx");
    }
}
