namespace Uitstroom.Domain.Results;

/// <summary>The range of scores a provider's LVS scale can produce; a score outside it is a typing or export error.</summary>
public sealed record ScoreRange(double Min, double Max)
{
    public bool Contains(double score) => score >= Min && score <= Max;
}

/// <summary>
/// The test providers an import accepts, by the codes files use. LVS ranges are deliberately generous bounds of
/// each published scale (domain.md §5), not norms: they catch a percentile in the score column or a stray digit,
/// never a weak pupil.
/// </summary>
public static class Providers
{
    private static readonly Dictionary<string, (string Code, ScoreRange Range)> Lvs = new(StringComparer.OrdinalIgnoreCase)
    {
        // Cito vaardigheidsscores (LOVS 3.0 / Leerling in beeld) run from about 0 to a few hundred.
        ["CITO"] = ("CITO", new ScoreRange(0, 400)),
        ["CITO LOVS"] = ("CITO", new ScoreRange(0, 400)),
        ["LEERLING IN BEELD"] = ("CITO", new ScoreRange(0, 400)),
        // IEP ontwikkelscores: 60 ≈ 1F and 80 ≈ 2F/1S at the end of groep 8; the scale stays below 200.
        ["IEP"] = ("IEP", new ScoreRange(0, 200)),
        // DIA's Dia-scores run in the hundreds.
        ["DIA"] = ("DIA", new ScoreRange(0, 1000)),
        ["BOOM"] = ("BOOM", new ScoreRange(0, 1000)),
    };

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

    public static IReadOnlyCollection<string> LvsCodes { get; } = [.. Lvs.Values.Select(v => v.Code).Distinct()];

    public static bool TryLvs(string text, out string code, out ScoreRange range)
    {
        if (Lvs.TryGetValue(text.Trim(), out var found))
        {
            (code, range) = found;
            return true;
        }

        (code, range) = ("", new ScoreRange(0, 0));
        return false;
    }

    public static bool TryOutflow(string text, out string code) => Outflow.TryGetValue(text.Trim(), out code!);
}
