using Uitstroom.Domain.Norms;
using Uitstroom.Domain.Results;

namespace Uitstroom.Ingest.Norms;

/// <summary>
/// For an Ingest without Normalise (a bare service, parser tests, benchmarks): the providers of the norm tables
/// Normalise ships, read from the same files (linked into this assembly, not copied). Such an Ingest stores raw
/// values only, so registered providers do not concern it.
/// </summary>
public sealed class ShippedProviderDirectory : ILvsProviderDirectory
{
    public static LvsProviders Providers { get; } = Load();

    public Task<LvsProviderLookup> LookupAsync(CancellationToken cancellationToken) =>
        Task.FromResult(new LvsProviderLookup(Providers));

    private static LvsProviders Load()
    {
        var assembly = typeof(ShippedProviderDirectory).Assembly;
        return LvsProviders.FromTables(assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith("Uitstroom.Ingest.Norms.Shipped.", StringComparison.Ordinal) && n.EndsWith(".csv", StringComparison.Ordinal))
            .Select(n =>
            {
                using var reader = new StreamReader(assembly.GetManifestResourceStream(n)!);
                return NormTableReader.Read(reader, n);
            })
            .ToList());
    }
}
