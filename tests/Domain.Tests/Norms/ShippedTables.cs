using Uitstroom.Domain.Norms;

namespace Uitstroom.Domain.Tests.Norms;

/// <summary>The norm tables shipped with Normalise, read from the source tree as the service embeds them.</summary>
internal static class ShippedTables
{
    public static string Directory { get; } = Locate();

    public static NormTable Read(string file)
    {
        using var reader = new StreamReader(Path.Combine(Directory, file));
        return NormTableReader.Read(reader, file);
    }

    public static NormTable Cito { get; } = Read("cito.csv");

    public static NormTable Iep { get; } = Read("iep.csv");

    public static NormTable Dia { get; } = Read("dia.csv");

    private static string Locate()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "Normalise", "Tables", "Shipped");
            if (global::System.IO.Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("Normalise/Tables/Shipped was not found above the test binaries");
    }
}
