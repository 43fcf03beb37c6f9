namespace Uitstroom.Fault.Tests.Processes;

/// <summary>The repository these tests were built from: where the services' build output and scripts are.</summary>
public static class Repository
{
    public static string Root { get; } = Locate();

    /// <summary>The build configuration of this test assembly; the services were built the same way.</summary>
    public static string Configuration { get; } = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name;

    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string Locate()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Uitstroom.Aspire.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"no Uitstroom.Aspire.sln above {AppContext.BaseDirectory}");
    }
}
