using System.Reflection;

using Uitstroom.Domain.Norms;

namespace Uitstroom.Normalise.Tables;

/// <summary>Every norm table version the service knows: the shipped ones, plus those users register.</summary>
public sealed class NormTableCatalog(IEnumerable<NormTable> tables)
{
    private readonly List<NormTable> _tables = [.. tables];

    public IReadOnlyList<NormTable> All => _tables;

    public static NormTableCatalog LoadShipped()
    {
        var assembly = Assembly.GetExecutingAssembly();
        var tables = assembly.GetManifestResourceNames()
            .Where(n => n.EndsWith(".csv", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(n =>
            {
                using var reader = new StreamReader(assembly.GetManifestResourceStream(n)!);
                return NormTableReader.Read(reader, n);
            });
        return new NormTableCatalog(tables);
    }
}
