using System.CommandLine;
using System.Diagnostics;
using Spectre.Console;
using Uitstroom.Contracts.Reporting.V1;
using Uitstroom.Reporting.Exports;

namespace Uitstroom.Cli.Commands;

/// <summary>
/// <c>uitstroom report --board B --out report.html|.pdf|.xlsx</c>: writes a board's report from the running stack.
/// html is Reporting's own page; pdf is that page printed by headless Chromium (its print stylesheet applies); xlsx
/// is built here with ClosedXML from the gRPC API's board overview, the same workbook Reporting serves.
/// </summary>
internal static class ReportCommand
{
    private static readonly Option<string> WebOption = new("--web")
    {
        Description = "HTTP address of Reporting's pages (env UITSTROOM_REPORTING_WEB; default http://localhost:5140)",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("UITSTROOM_REPORTING_WEB") ?? "http://localhost:5140",
    };

    public static Command Create()
    {
        var board = new Option<string>("--board") { Description = "the board (BGNR, e.g. 41583)", Required = true };
        var output = new Option<FileInfo>("--out") { Description = "the file to write: .html, .pdf or .xlsx", Required = true };
        var command = new Command("report", "Write a board's uitstroomprognose as HTML, PDF or Excel.") { board, output, WebOption };
        command.SetAction((parse, ct) => CliRunner.RunAsync(async () =>
        {
            var bgnr = Domain.Vocabulary.BoardNumber.Parse(parse.GetValue(board));
            var file = parse.GetValue(output)!;
            switch (file.Extension.ToLowerInvariant())
            {
                case ".html" or ".htm":
                    await File.WriteAllTextAsync(file.FullName, await Page(parse, bgnr, ct), ct);
                    break;
                case ".pdf":
                    await Pdf(await Page(parse, bgnr, ct), file, ct);
                    break;
                case ".xlsx":
                    var client = new BoardReports.BoardReportsClient(Endpoints.Channel(parse, Endpoints.ReportingOption));
                    var overview = await client.GetBoardOverviewAsync(
                        new GetBoardOverviewRequest { Bgnr = bgnr }, deadline: CliRunner.Deadline(), cancellationToken: ct);
                    await File.WriteAllBytesAsync(file.FullName, XlsxExport.Write(overview), ct);
                    foreach (var notice in overview.Notices)
                    {
                        AnsiConsole.MarkupLineInterpolated($"[yellow]let op:[/] {notice.Message}");
                    }

                    break;
                default:
                    throw new ArgumentException($"--out {file.Name}: expected a file ending in .html, .pdf or .xlsx");
            }

            AnsiConsole.MarkupLineInterpolated($"[green]geschreven:[/] {file.FullName}");
        }));
        return command;
    }

    private static async Task<string> Page(ParseResult parse, string bgnr, CancellationToken ct)
    {
        var web = parse.GetValue(WebOption)!;
        if (!Uri.TryCreate(web, UriKind.Absolute, out var address) || address.Scheme is not ("http" or "https"))
        {
            throw new ArgumentException($"--web: '{web}' is not an http(s) address such as http://localhost:5140");
        }

        using var http = new HttpClient { BaseAddress = address, Timeout = CliRunner.DefaultDeadline };
        http.DefaultRequestHeaders.Authorization = Endpoints.Header(parse);
        try
        {
            using var response = await http.GetAsync(new Uri($"/besturen/{bgnr}", UriKind.Relative), ct);
            var html = await response.Content.ReadAsStringAsync(ct);
            return response.IsSuccessStatusCode
                ? html
                : throw new IOException($"Reporting answered {(int)response.StatusCode} for board {bgnr}; see {address}besturen/{bgnr}");
        }
        catch (HttpRequestException e)
        {
            throw new IOException($"Reporting's pages did not answer at {address} ({e.Message}). Is the stack running (./run.sh)?", e);
        }
        catch (TaskCanceledException e) when (!ct.IsCancellationRequested)
        {
            throw new IOException($"Reporting's pages did not answer within {CliRunner.DefaultDeadline.TotalSeconds:0} s at {address}", e);
        }
    }

    /// <summary>Prints the page with headless Chromium in a throw-away profile, bounded by a deadline.</summary>
    private static async Task Pdf(string html, FileInfo file, CancellationToken ct)
    {
        var chromiumPath = ChromiumLocator.Require();
        var work = Directory.CreateTempSubdirectory("uitstroom-report-");
        try
        {
            var page = Path.Combine(work.FullName, "report.html");
            await File.WriteAllTextAsync(page, html, ct);
            var start = new ProcessStartInfo(chromiumPath)
            {
                RedirectStandardError = true,
                RedirectStandardOutput = true,
                ArgumentList =
                {
                    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                    "--disable-component-update", "--no-first-run", $"--user-data-dir={Path.Combine(work.FullName, "profile")}",
                    "--no-pdf-header-footer", $"--print-to-pdf={file.FullName}", new Uri(page).AbsoluteUri,
                },
            };
            using var chromium = Process.Start(start) ?? throw new IOException("chromium did not start");
            var stderr = chromium.StandardError.ReadToEndAsync(ct);
            _ = chromium.StandardOutput.ReadToEndAsync(ct);
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
            deadline.CancelAfter(TimeSpan.FromSeconds(60));
            try
            {
                await chromium.WaitForExitAsync(deadline.Token);
            }
            catch (OperationCanceledException)
            {
                chromium.Kill(entireProcessTree: true);
                throw new IOException("chromium did not print the report within 60 s");
            }

            if (chromium.ExitCode != 0 || !File.Exists(file.FullName))
            {
                throw new IOException($"chromium could not print the report (exit {chromium.ExitCode}): {(await stderr).Trim()}");
            }
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }
}
