namespace Uitstroom.Tests;

/// <summary>
/// The real public files (DUO, Inspectie) live outside the repository in <c>../shared/data/</c>; they are never
/// copied in. <c>UITSTROOM_SHARED_DATA</c> overrides; otherwise the folder is found beside an ancestor of the tests.
/// </summary>
public static class SharedData
{
    public static string Directory { get; } = Locate();

    public static string Duo(string file) => Path.Combine(Directory, "duo", file);

    private static string Locate()
    {
        if (Environment.GetEnvironmentVariable("UITSTROOM_SHARED_DATA") is { Length: > 0 } configured)
        {
            return configured;
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "data");
            if (global::System.IO.Directory.Exists(Path.Combine(candidate, "duo")))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException(
            "the shared public data (shared/data/duo) was not found beside the repository; set UITSTROOM_SHARED_DATA");
    }
}
