using Uitstroom.Domain.Norms;

namespace Uitstroom.Domain.Results;

/// <summary>The range of scores a provider's LVS scale can produce; a score outside it is a typing or export error.</summary>
public sealed record ScoreRange(double Min, double Max)
{
    /// <summary>No stated range: every finite score is accepted (the norm table states none).</summary>
    public static ScoreRange Unbounded { get; } = new(double.NegativeInfinity, double.PositiveInfinity);

    public bool Contains(double score) => score >= Min && score <= Max;
}

/// <summary>One LVS provider as imports know it: its code, the other names files use for it, and its valid scores.</summary>
public sealed record LvsProvider(string Code, IReadOnlyList<string> Aliases, ScoreRange Range);

/// <summary>
/// The LVS providers an import accepts. There is no list of them here: they are the providers Normalise holds norm
/// tables for (a result without a table could never reach the uniform scale), with the aliases and score range each
/// table states, so registering a table is all it takes for a new provider's results to import.
/// </summary>
public sealed class LvsProviders
{
    private readonly Dictionary<string, LvsProvider> _byName = new(StringComparer.OrdinalIgnoreCase);

    public LvsProviders(IEnumerable<LvsProvider> providers)
    {
        ArgumentNullException.ThrowIfNull(providers);
        foreach (var provider in providers)
        {
            // A code wins over another provider's alias: the code is what the provider's own table is filed under.
            _byName[provider.Code] = provider;
        }

        foreach (var provider in _byName.Values.ToList())
        {
            foreach (var alias in provider.Aliases)
            {
                _byName.TryAdd(alias, provider);
            }
        }

        Codes = [.. _byName.Values.Select(p => p.Code).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
    }

    /// <summary>From norm tables (any versions): the newest version of each provider gives its aliases and range.</summary>
    public static LvsProviders FromTables(IEnumerable<NormTable> tables) =>
        new(tables.GroupBy(t => t.Provider, StringComparer.Ordinal)
            .Select(g => g.MaxBy(t => t.Version)!)
            .Select(t => new LvsProvider(t.Provider, t.Aliases,
                new ScoreRange(t.ScoreMin ?? double.NegativeInfinity, t.ScoreMax ?? double.PositiveInfinity))));

    public static LvsProviders None { get; } = new([]);

    /// <summary>Every provider code, sorted: what an "unknown aanbieder" message lists.</summary>
    public IReadOnlyList<string> Codes { get; }

    public bool TryFind(string text, out LvsProvider provider) => _byName.TryGetValue(text.Trim(), out provider!);

    public string Describe() => Codes.Count == 0 ? "(no provider has a norm table)" : string.Join(", ", Codes);
}

/// <summary>The doorstroomtoetsen an outflow file may name: a fixed legal list, unlike the LVS providers.</summary>
public static class Providers
{
    /// <summary>The six approved doorstroomtoetsen, as the chain API names them (domain.md §3).</summary>
    private static readonly Dictionary<string, string> Outflow = new(StringComparer.OrdinalIgnoreCase)
    {
        ["ROUTE_8"] = "ROUTE_8",
        ["ROUTE 8"] = "ROUTE_8",
        ["ICE"] = "ICE",
        ["IEP"] = "ICE",
        ["DIA"] = "DIA",
        ["AMN"] = "AMN",
        ["LEERLING_IN_BEELD"] = "LEERLING_IN_BEELD",
        ["LEERLING IN BEELD"] = "LEERLING_IN_BEELD",
        ["CITO"] = "LEERLING_IN_BEELD",
        ["DOE"] = "DOE",
    };

    public static bool TryOutflow(string text, out string code) => Outflow.TryGetValue(text.Trim(), out code!);
}
