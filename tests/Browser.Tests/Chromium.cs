using Microsoft.Playwright;

namespace Uitstroom.Reporting.Tests.Browser;

/// <summary>
/// Debian's Chromium (apt-get install chromium) under Playwright. Playwright's own browser download is never used:
/// it fails offline and would test a browser no user here runs.
/// </summary>
public static class Chromium
{
    public const string ExecutablePath = "/usr/bin/chromium";

    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync()
    {
        if (!File.Exists(ExecutablePath))
        {
            throw new InvalidOperationException($"{ExecutablePath} is missing: install it with apt-get install -y chromium (./test.sh does)");
        }

        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
        });
        return (playwright, browser);
    }

    /// <summary>
    /// Where screenshots go: UITSTROOM_TEST_RESULTS when set (CI collects it), else TestResults/ beside this project.
    /// </summary>
    public static string ResultsDirectory()
    {
        var configured = Environment.GetEnvironmentVariable("UITSTROOM_TEST_RESULTS");
        var root = configured is { Length: > 0 } ? configured : Path.Combine(ProjectDirectory(), "TestResults");
        var dir = Path.Combine(root, "browser");
        Directory.CreateDirectory(dir);
        return dir;
    }

    private static string ProjectDirectory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Browser.Tests.csproj")))
            {
                return dir.FullName;
            }
        }

        return AppContext.BaseDirectory;
    }
}
