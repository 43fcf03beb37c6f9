namespace Uitstroom.Domain.Norms;

/// <summary>A national norm band as exports report it: I–V (five 20% bands, I the top) or A–E (25/25/25/15/10%).</summary>
public enum NormBand
{
    None,
    I,
    II,
    III,
    IV,
    V,
    A,
    B,
    C,
    D,
    E,
}

/// <summary>The level a provider reports a pupil "on track" for at a moment; 2F and 1S are both Target.</summary>
public enum OnTrackLevel
{
    None,
    Below1F,
    Fundamental,
    Target,
}

/// <summary>How a uniform value was computed, best first (docs/uniform-scale.md gives each route's error).</summary>
public enum NormRoute
{
    None,
    ScoreTable,
    Percentile,
    Band,
    ReportedLevel,
}

/// <summary>Where an output percentile comes from.</summary>
public enum PercentileSource
{
    None,
    Reported,
    NormTable,
}

public static class NormBands
{
    // Upper and lower national percentile (as fractions) of each band; I and A are the top.
    private static readonly (double Low, double High)[] Bounds =
    [
        (double.NaN, double.NaN),
        (0.8, 1.0), (0.6, 0.8), (0.4, 0.6), (0.2, 0.4), (0.0, 0.2),
        (0.75, 1.0), (0.5, 0.75), (0.25, 0.5), (0.1, 0.25), (0.0, 0.1),
    ];

    // The mean national z of pupils in each band, computed once.
    private static readonly double[] MeanZ =
        [.. Bounds.Select(b => double.IsNaN(b.Low) ? double.NaN
            : NormalDistribution.TruncatedMean(NormalDistribution.InverseCdf(b.Low), NormalDistribution.InverseCdf(b.High)))];

    /// <summary>The national percentile range of a band, as fractions.</summary>
    public static (double Low, double High) PercentileRange(this NormBand band) => Bounds[(int)band];

    /// <summary>E[z | band]: where a pupil known only by its band stands on average.</summary>
    public static double ExpectedZ(this NormBand band) => MeanZ[(int)band];

    /// <summary>The band a national z falls in, on the I–V or the A–E ruler.</summary>
    public static NormBand Of(double z, bool romanRuler)
    {
        var p = NormalDistribution.Cdf(z);
        for (var b = romanRuler ? NormBand.I : NormBand.A; b <= (romanRuler ? NormBand.V : NormBand.E); b++)
        {
            if (p >= Bounds[(int)b].Low)
            {
                return b;
            }
        }

        return romanRuler ? NormBand.V : NormBand.E;
    }

    public static bool TryParse(string? text, out NormBand band)
    {
        band = (text?.Trim().ToUpperInvariant()) switch
        {
            "I" or "1" => NormBand.I,
            "II" or "2" => NormBand.II,
            "III" or "3" => NormBand.III,
            "IV" or "4" => NormBand.IV,
            "V" or "5" => NormBand.V,
            "A" => NormBand.A,
            "B" => NormBand.B,
            "C" => NormBand.C,
            "D" => NormBand.D,
            "E" => NormBand.E,
            _ => NormBand.None,
        };
        return band != NormBand.None;
    }
}
