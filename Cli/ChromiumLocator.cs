namespace Uitstroom.Cli;

/// <summary>
/// Finds a Chromium to print with (the CLI's PDF) or to drive (the browser tests, which link this file): the CHROMIUM
/// environment variable first, then the usual names on PATH, then the places distributions install it. Debian's
/// package puts it at /usr/bin/chromium; Ubuntu's at chromium-browser or a snap.
/// </summary>
internal static class ChromiumLocator
{
    public const string EnvironmentVariable = "CHROMIUM";

    private static readonly string[] Names = ["chromium", "chromium-browser", "google-chrome-stable", "google-chrome"];

    private static readonly string[] Locations =
        ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/lib/chromium/chromium", "/snap/bin/chromium", "/opt/google/chrome/chrome"];

    /// <summary>The executable, or null when none is installed.</summary>
    public static string? Find()
    {
        if (Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } configured)
        {
            // A configured path that does not exist is a mistake to report, not a reason to pick another browser.
            return File.Exists(configured) ? configured : null;
        }

        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        foreach (var dir in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (var name in Names)
            {
                var candidate = Path.Combine(dir, name);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return Locations.FirstOrDefault(File.Exists);
    }

    /// <summary>The executable, or an error that says where it was looked for and how to install it.</summary>
    public static string Require() =>
        Find() ?? throw new IOException(
            Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } configured
                ? $"{EnvironmentVariable}={configured} does not exist"
                : $"no Chromium found (looked for {string.Join(", ", Names)} on PATH and in {string.Join(", ", Locations)}): " +
                  $"install it with apt-get install -y chromium, or set {EnvironmentVariable} to its path");
}
