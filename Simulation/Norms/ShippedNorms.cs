using System.Reflection;
using Uitstroom.Domain.Norms;
using Uitstroom.Domain.Vocabulary;

namespace Uitstroom.Simulation.Norms;

/// <summary>
/// The norm tables Normalise ships (linked into this assembly), indexed by provider, subject and moment. A score is
/// written as <c>UniformScale.ToScore(value, cut)</c>, so Normalise maps it straight back to the value.
/// </summary>
public sealed class ShippedNorms
{
    private readonly Dictionary<(string Provider, Subject Subject, TestMoment Moment), NormCut> _cuts = [];

    public ShippedNorms(IEnumerable<NormTable> tables)
    {
        Tables = [.. tables];
        foreach (var table in Tables)
        {
            foreach (var cut in table.Cuts)
            {
                _cuts[(table.Provider, cut.Subject, cut.Moment)] = cut;
            }
        }

        Providers = [.. Tables.Select(t => t.Provider).Distinct().Order(StringComparer.Ordinal)];
    }

    public IReadOnlyList<NormTable> Tables { get; }

    public IReadOnlyList<string> Providers { get; }

    public static ShippedNorms Instance { get; } = Load();

    public bool TryCut(string provider, Subject subject, TestMoment moment, out NormCut cut) =>
        _cuts.TryGetValue((provider, subject, moment), out cut!);

    public NormCut Cut(string provider, Subject subject, TestMoment moment) =>
        TryCut(provider, subject, moment, out var cut)
            ? cut
            : throw new KeyNotFoundException($"no shipped norm for {provider} {subject.Code()} {moment}");

    /// <summary>The moments a provider tests in a groep (those its table has a cut for, for every subject).</summary>
    public IReadOnlyList<TestMoment> Moments(string provider, int groep) =>
        [.. TestMoment.All.Where(m => m.Groep == groep && Subjects.All.All(s => _cuts.ContainsKey((provider, s, m))))];

    private static ShippedNorms Load()
    {
        var assembly = typeof(ShippedNorms).Assembly;
        var tables = assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith("Uitstroom.Simulation.Norms.", StringComparison.Ordinal) && n.EndsWith(".csv", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(n =>
            {
                using var reader = new StreamReader(assembly.GetManifestResourceStream(n)!);
                return NormTableReader.Read(reader, n);
            });
        return new ShippedNorms(tables);
    }
}
