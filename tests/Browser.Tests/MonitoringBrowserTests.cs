using System.Globalization;
using Microsoft.Playwright;
using Uitstroom.Contracts.Reporting.V1;
using Uitstroom.Reporting.Tests.Fixtures;

namespace Uitstroom.Reporting.Tests.Browser;

/// <summary>
/// Monitoring over time as a reader sees it: the Verloop column (one point per snapshot moment), the board's track
/// record, and a school's outlook history and track record — each equal to what the gRPC API returns.
/// </summary>
public sealed class MonitoringBrowserTests : ReportInChromium
{
    private static string Probability(double p) => (p * 100).ToString("0", CultureInfo.InvariantCulture) + "%";

    [Fact]
    public async Task The_Verloop_column_the_track_record_and_a_schools_history_show_what_the_API_returns()
    {
        var client = new BoardReports.BoardReportsClient(Host.Channel());
        var api = await client.GetBoardOverviewAsync(new GetBoardOverviewRequest { Bgnr = PublishedBoardSources.DemoBoard });
        var page = await Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1700, Height = 1000 } });
        await LogInAndOpenAsync(page, $"/besturen/{api.Bgnr}");

        api.Snapshots.Count.ShouldBe(3);
        foreach (var school in api.Schools)
        {
            var cell = page.Locator($"tbody.school[data-school='{school.SchoolKey}'] td.verloop");
            (await cell.Locator("svg.verloop circle.punt").CountAsync()).ShouldBe(school.Outlook.Count);
            var titles = await cell.Locator("svg.verloop circle.punt title").AllTextContentsAsync();
            titles.ShouldBe(school.Outlook.Select(p => $"{p.Moment} ({(p.Origin == "live" ? "vastgelegd" : p.Origin)}): kans onder {Probability(p.ProbabilityBelow)}, {p.Status.ToString().ToLowerInvariant()}"));
        }

        var t = api.TrackRecord;
        (await page.Locator("#trackrecord td[data-veld='entries']").InnerTextAsync()).ShouldBe(t.Entries.ToString(CultureInfo.InvariantCulture));
        (await page.Locator("#trackrecord td[data-veld='mae_doel']").InnerTextAsync()).ShouldBe(Estimate(t.MeanAbsoluteErrorTarget));
        (await page.Locator("#trackrecord td[data-veld='inside80']").InnerTextAsync()).ShouldBe(Probability(t.Inside80));
        (await page.Locator("#trackrecord td[data-veld='status']").InnerTextAsync()).ShouldBe($"{t.StatusCallsRight} van {t.StatusCalls}");
        await page.Locator("#verloop").ScrollIntoViewIfNeededAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Chromium.ResultsDirectory(), "board-monitoring.png"), FullPage = true });

        var withRecord = api.Schools.First(s => s.TrackRecord is not null);
        await OpenSchoolAsync(page, api.Bgnr, withRecord.SchoolKey);
        var report = await client.GetSchoolReportAsync(new GetSchoolReportRequest { Bgnr = api.Bgnr, Ovt = withRecord.Ovt });

        var history = page.Locator("table#verloop tbody tr");
        (await history.CountAsync()).ShouldBe(report.OutlookHistory.Count);
        for (var i = 0; i < report.OutlookHistory.Count; i++)
        {
            var m = report.OutlookHistory[i];
            var row = history.Nth(i);
            (await row.GetAttributeAsync("data-moment")).ShouldBe(m.Snapshot.Moment);
            (await row.Locator("td.kans").InnerTextAsync()).ShouldBe(Probability(m.ProbabilityBelow));
            var years = await row.Locator("td.tekst").Nth(1).InnerTextAsync();
            foreach (var y in m.Fundamental)
            {
                years.ShouldContain($"{y.SchoolYear}: {Estimate(y.Percent.Expected)} ({Estimate(y.Percent.Low)}–{Estimate(y.Percent.High)})");
            }
        }

        var record = page.Locator("table#trackrecord tbody tr");
        (await record.CountAsync()).ShouldBe(report.TrackRecordRows.Count);
        for (var i = 0; i < report.TrackRecordRows.Count; i++)
        {
            var r = report.TrackRecordRows[i];
            var row = record.Nth(i);
            (await row.Locator("td.gerealiseerd").InnerTextAsync()).ShouldBe(r.Realised.ToString("0.00", CultureInfo.InvariantCulture).Replace('.', ','));
            (await row.Locator("td.verwacht").InnerTextAsync()).ShouldStartWith(Estimate(r.Forecast.Expected));
        }

        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Chromium.ResultsDirectory(), "school-monitoring.png"), FullPage = true });
    }
}
