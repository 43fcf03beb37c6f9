using Uitstroom.Domain.Vocabulary;

namespace Uitstroom.Domain.Norms;

/// <summary>
/// The scores that are "on track" for 1F and for the target level, for one provider, subject and test moment;
/// optionally the national norm distribution of scores at that moment (mean and sd), which gives a percentile
/// route and lets the simulator place pupils of known ability on the provider's scale.
/// </summary>
public sealed record NormCut(Subject Subject, TestMoment Moment, double Fundamental, double Target)
{
    public double? NormMean { get; init; }

    public double? NormSd { get; init; }

    public bool HasNorm => NormMean is not null && NormSd is not null;

    /// <summary>Where a score stands in the national distribution (z), when the row has a norm.</summary>
    public double? ZOf(double score) => HasNorm ? (score - NormMean!.Value) / NormSd!.Value : null;

    /// <summary>The score a pupil at national position <paramref name="z"/> gets, when the row has a norm.</summary>
    public double? ScoreAt(double z) => HasNorm ? NormMean!.Value + (z * NormSd!.Value) : null;
}

/// <summary>One version of a provider's norm table, with where its numbers come from.</summary>
public sealed record NormTable(string Provider, int Version, string Source, bool Illustrative, IReadOnlyList<NormCut> Cuts)
{
    /// <summary>The provider's name for its score (vaardigheidsscore, ontwikkelscore …), if stated.</summary>
    public string Scale { get; init; } = "";

    /// <summary>
    /// Other names files use for this provider ("CITO LOVS", "LEERLING IN BEELD" for CITO), upper case. They live
    /// with the table so that a provider registered later brings its own spellings and Ingest keeps no list.
    /// </summary>
    public IReadOnlyList<string> Aliases { get; init; } = [];

    /// <summary>The lowest and highest valid score (inclusive), if stated; Ingest rejects scores outside.</summary>
    public double? ScoreMin { get; init; }

    public double? ScoreMax { get; init; }

    public bool HasNorms => Cuts.Count > 0 && Cuts.All(c => c.HasNorm);

    public bool IsValidScore(double score) =>
        double.IsFinite(score) && (ScoreMin is not { } min || score >= min) && (ScoreMax is not { } max || score <= max);

    /// <summary>The row for a subject and moment, or null when the table has none.</summary>
    public NormCut? Find(Subject subject, TestMoment moment) =>
        Cuts.FirstOrDefault(c => c.Subject == subject && c.Moment == moment);
}
