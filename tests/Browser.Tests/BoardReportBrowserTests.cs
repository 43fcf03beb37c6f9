using System.Globalization;
using Microsoft.Playwright;
using Uitstroom.Contracts.Reporting.V1;
using Uitstroom.Reporting.Tests.Fixtures;
using Xunit.Abstractions;

namespace Uitstroom.Reporting.Tests.Browser;

/// <summary>
/// Opens the demo board's report in Chromium and checks that what a reader sees — the schools, their statuses and
/// every number — equals what the gRPC API returns; then opens a school page. Screenshots are kept as artifacts.
/// </summary>
public sealed class BoardReportBrowserTests(ITestOutputHelper output) : ReportInChromium
{
    private static string Percent(double v) => v.ToString("0.00", CultureInfo.InvariantCulture).Replace('.', ',');

    private static string StatusText(SchoolStatus s) => s switch
    {
        SchoolStatus.Groen => "groen",
        SchoolStatus.Oranje => "oranje",
        SchoolStatus.Rood => "rood",
        _ => "onbekend",
    };

    [Fact]
    public async Task The_board_page_shows_the_schools_statuses_and_numbers_the_gRPC_API_returns_and_opens_a_school_page()
    {
        var api = await new BoardReports.BoardReportsClient(Host.Channel())
            .GetBoardOverviewAsync(new GetBoardOverviewRequest { Bgnr = PublishedBoardSources.DemoBoard });
        var page = await Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1600, Height = 1000 } });

        await LogInAndOpenAsync(page, $"/besturen/{api.Bgnr}");
        var loadMs = await page.EvaluateAsync<double>(
            "() => { const n = performance.getEntriesByType('navigation')[0]; return n.loadEventEnd - n.startTime; }");
        output.WriteLine($"board page: {api.Schools.Count} schools, load event after {loadMs:0} ms");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Chromium.ResultsDirectory(), "board.png"), FullPage = true });

        var blocks = page.Locator("tbody.school");
        (await blocks.CountAsync()).ShouldBe(api.Schools.Count);
        foreach (var school in api.Schools)
        {
            var block = page.Locator($"tbody.school[data-school='{school.SchoolKey}']");
            (await block.Locator("td.naam a").InnerTextAsync()).ShouldBe(school.Name);
            (await block.Locator(".status").InnerTextAsync()).ShouldBe(StatusText(school.Status));
            foreach (var indicator in new[] { school.Fundamental, school.Target })
            {
                var row = block.Locator($"tr[data-indicator='{indicator.Indicator}']");
                foreach (var year in indicator.Realised)
                {
                    var cell = row.Locator($"td.gerealiseerd[data-jaar='{year.SchoolYear}']");
                    (await cell.InnerTextAsync()).ShouldBe(year.HasPercent ? Percent(year.Percent) : year.Availability == "masked" ? "*" : "geen");
                    if (year.HasPercent)
                    {
                        (await cell.GetAttributeAsync("class"))!.ShouldContain(year.Position);
                    }
                }

                (await row.Locator("td.driejaars").InnerTextAsync()).ShouldBe(indicator.HasPooled ? Percent(indicator.Pooled) : "–");
                foreach (var year in indicator.Forecast)
                {
                    var cell = row.Locator($"td.verwacht[data-jaar='{year.SchoolYear}']");
                    (await cell.Locator(".waarde").InnerTextAsync()).ShouldBe(Estimate(year.Percent.Expected));
                    (await cell.Locator(".bereik").InnerTextAsync()).ShouldBe($"{Estimate(year.Percent.Low)}–{Estimate(year.Percent.High)}");
                }

                (await row.Locator("td.kans").InnerTextAsync())
                    .ShouldBe((indicator.ProbabilityBelow * 100).ToString("0", CultureInfo.InvariantCulture) + "%");
                (await row.Locator("svg.grafiek line.bereik").CountAsync()).ShouldBe(indicator.Forecast.Count);
            }
        }

        // Sorting by "Kans onder" (twice: highest first) puts the schools in the API's order of risk.
        var header = page.Locator("th[data-sleutel='kans']");
        await header.ClickAsync();
        await header.ClickAsync();
        var expected = api.Schools
            .OrderByDescending(s => Math.Max(s.Fundamental.ProbabilityBelow, s.Target.ProbabilityBelow))
            .Select(s => Math.Max(s.Fundamental.ProbabilityBelow, s.Target.ProbabilityBelow))
            .ToList();
        var shown = (await blocks.EvaluateAllAsync<string[]>("els => els.map(e => e.dataset.kans)"))
            .Select(k => double.Parse(k, CultureInfo.InvariantCulture)).ToList();
        shown.ShouldBe(expected);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Chromium.ResultsDirectory(), "board-sorted-by-risk.png"), FullPage = true });

        // Open the riskiest school's page from its link.
        var riskiest = api.Schools.OrderByDescending(s => Math.Max(s.Fundamental.ProbabilityBelow, s.Target.ProbabilityBelow)).First();
        await OpenSchoolAsync(page, api.Bgnr, riskiest.SchoolKey);
        (await page.Locator("h1").InnerTextAsync()).ShouldContain(riskiest.Name);
        var report = await new BoardReports.BoardReportsClient(Host.Channel())
            .GetSchoolReportAsync(new GetSchoolReportRequest { Bgnr = api.Bgnr, Ovt = riskiest.Ovt });
        foreach (var subject in report.Subjects)
        {
            var row = page.Locator($"#vakken tr[data-vak='{subject.Subject}']");
            (await row.Locator("td.risico-doel").InnerTextAsync()).ShouldBe(subject.PupilsAtRiskTarget.ToString(CultureInfo.InvariantCulture));
        }

        (await page.Locator("svg.trend").CountAsync()).ShouldBe(report.Cohorts.Sum(c => c.Subjects.Count));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Chromium.ResultsDirectory(), "school.png"), FullPage = true });
    }

    [Fact]
    public async Task The_board_page_prints_to_a_PDF_with_the_print_stylesheet()
    {
        var page = await Browser.NewPageAsync();
        await LogInAndOpenAsync(page, $"/besturen/{PublishedBoardSources.DemoBoard}");
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });

        (await page.Locator("header").IsVisibleAsync()).ShouldBeFalse();
        var pdf = await page.PdfAsync(new PagePdfOptions { Path = Path.Combine(Chromium.ResultsDirectory(), "board.pdf"), PreferCSSPageSize = true, PrintBackground = true });

        pdf.Length.ShouldBeGreaterThan(10_000);
        System.Text.Encoding.ASCII.GetString(pdf, 0, 5).ShouldBe("%PDF-");
    }
}
