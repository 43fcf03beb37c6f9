using Uitstroom.Domain.Norms;

namespace Uitstroom.Simulation.Norms;

/// <summary>
/// National norm positions as the providers print them, from the z of a result in the national distribution of its
/// moment: percentile, I–V (five 20% bands, I the top) and A–E (25/25/25/15/10%, A the top).
/// </summary>
public static class NormPositions
{
    public static double Percentile(double z) => Math.Clamp(Math.Round(100 * NormalDistribution.Cdf(z)), 1, 99);

    public static string RomanBand(double percentile) => percentile switch
    {
        >= 80 => "I",
        >= 60 => "II",
        >= 40 => "III",
        >= 20 => "IV",
        _ => "V",
    };

    public static string LetterBand(double percentile) => percentile switch
    {
        >= 75 => "A",
        >= 50 => "B",
        >= 25 => "C",
        >= 10 => "D",
        _ => "E",
    };
}
