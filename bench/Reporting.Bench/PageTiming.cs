using Microsoft.Playwright;
using Uitstroom.Reporting.Tests.Browser;

namespace Uitstroom.Reporting.Bench;

/// <summary>How long Chromium takes from navigation start to the load event of the board page.</summary>
internal static class PageTiming
{
    public static async Task Measure(Uri web, string board, int runs, string key)
    {
        var (playwright, browser) = await Chromium.LaunchAsync();
        try
        {
            // The key as a header on every request, so the timing is the page's, not the login's.
            var page = await browser.NewPageAsync(new BrowserNewPageOptions
            {
                ExtraHTTPHeaders = new Dictionary<string, string> { ["Authorization"] = $"Bearer {key}" },
            });
            var url = new Uri(web, $"/besturen/{board}").ToString();
            await page.GotoAsync(url);
            var samples = new List<double>();
            for (var i = 0; i < runs; i++)
            {
                await page.GotoAsync(url);
                samples.Add(await page.EvaluateAsync<double>(
                    "() => { const n = performance.getEntriesByType('navigation')[0]; return n.loadEventEnd - n.startTime; }"));
            }

            var rows = await page.Locator("tbody.school").CountAsync();
            Latency.Print($"board page in Chromium, navigation start to load event ({rows} schools, {runs} runs)", samples);
        }
        finally
        {
            await browser.DisposeAsync();
            playwright.Dispose();
        }
    }
}
