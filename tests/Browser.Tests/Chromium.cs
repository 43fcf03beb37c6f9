using Microsoft.Playwright;

namespace Uitstroom.Reporting.Tests.Browser;

/// <summary>
/// The system's Chromium (Debian: apt-get install chromium) under Playwright, found as the CLI finds it for PDFs
/// (<see cref="Uitstroom.Cli.ChromiumLocator"/>: CHROMIUM, PATH, common locations). Playwright's own browser download
/// is never used: it fails offline and would test a browser no user here runs.
/// </summary>
public static class Chromium
{
    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync()
    {
        var executablePath = Uitstroom.Cli.ChromiumLocator.Require();
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = executablePath,
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
