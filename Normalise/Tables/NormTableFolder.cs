using Microsoft.Extensions.Options;
using Uitstroom.Domain.Norms;

namespace Uitstroom.Normalise.Tables;

/// <summary>
/// Registered norm tables on disk: one file per provider version (<c>PROVIDER.vN.csv</c>, the table file format),
/// written atomically so a crash never leaves half a table behind.
/// </summary>
public sealed class NormTableFolder(IOptions<NormaliseOptions> options)
{
    public string Path { get; } = System.IO.Path.GetFullPath(options.Value.TablesPath);

    public IReadOnlyList<NormTable> LoadAll()
    {
        if (!Directory.Exists(Path))
        {
            return [];
        }

        return [.. Directory.EnumerateFiles(Path, "*.csv")
            .Order(StringComparer.Ordinal)
            .Select(file =>
            {
                using var reader = new StreamReader(file);
                return NormTableReader.Read(reader, file);
            })];
    }

    public void Save(NormTable table)
    {
        Directory.CreateDirectory(Path);
        var file = System.IO.Path.Combine(Path, $"{table.Provider}.v{table.Version}.csv");
        var temporary = file + $".{Guid.NewGuid():N}.tmp";
        File.WriteAllText(temporary, NormTableWriter.Write(table));
        File.Move(temporary, file, overwrite: false);
    }
}
