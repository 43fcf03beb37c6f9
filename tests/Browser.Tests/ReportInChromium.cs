using System.Globalization;
using Microsoft.Playwright;
using Uitstroom.Reporting.Tests.Fixtures;
using Uitstroom.Tests;

namespace Uitstroom.Reporting.Tests.Browser;

/// <summary>
/// Reporting on real Kestrel with the demo board's published facts, and Chromium to read its pages: each browser test
/// class starts both, logs in as a reader does and compares what it sees with the gRPC API.
/// </summary>
public abstract class ReportInChromium : IAsyncLifetime
{
    private IPlaywright? _playwright;

    protected ReportingHost Host { get; private set; } = null!;

    protected IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        // Created here rather than in a field initialiser: xunit disposes it through IAsyncLifetime.
        Host = new ReportingHost(new PublishedBoardSources(), kestrel: true).Start();
        (_playwright, Browser) = await Chromium.LaunchAsync();
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        await Host.DisposeAsync();
    }

    /// <summary>
    /// As a reader does: the page without a key sends the browser to the login page, which takes the key and
    /// returns to the page asked for (docs/security.md).
    /// </summary>
    protected async Task LogInAndOpenAsync(IPage page, string path)
    {
        await page.GotoAsync(new Uri(Host.HttpAddress, path).ToString());
        new Uri(page.Url).AbsolutePath.ShouldBe("/inloggen");
        await page.FillAsync("#sleutel", TestKeys.Admin);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(new Uri(Host.HttpAddress, path).ToString());
    }

    /// <summary>
    /// Opens a school's page from the board page by its link, as a reader does. The link's address is checked first
    /// and the click is awaited together with the navigation it starts, so a slow machine cannot make the wait begin
    /// after the page has already changed, and a wrong link fails with its address instead of a timeout.
    /// </summary>
    protected static async Task OpenSchoolAsync(IPage page, string bgnr, string schoolKey)
    {
        var link = page.Locator($"tbody.school[data-school='{schoolKey}'] td.naam a");
        // The key "BRIN|vestiging" is escaped in the address ('|' as %7C).
        var address = $"/besturen/{bgnr}/scholen/{Uri.EscapeDataString(schoolKey)}";
        (await link.GetAttributeAsync("href")).ShouldBe(address);
        // The wait is started before the click (RunAndWaitForNavigationAsync, which did this, is obsolete).
        await Task.WhenAll(page.WaitForURLAsync(url => new Uri(url).AbsolutePath == address), link.ClickAsync());
    }

    /// <summary>An expected percentage as the page writes it: one decimal, Dutch comma.</summary>
    protected static string Estimate(double v) => v.ToString("0.0", CultureInfo.InvariantCulture).Replace('.', ',');
}
