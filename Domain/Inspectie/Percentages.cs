namespace Uitstroom.Domain.Inspectie;

/// <summary>How the Inspectie writes a share: a percentage rounded half away from zero to two decimals.</summary>
public static class Percentages
{
    /// <summary>
    /// 100 · part / whole, rounded to 0.01 in decimal arithmetic so that a true 85 is 85.00 and not 84.99999….
    /// An empty whole gives 0 (a year with no counted result has no share; callers check the count first).
    /// </summary>
    public static double Of(int part, int whole) =>
        whole == 0 ? 0 : (double)Math.Round(100m * part / whole, 2, MidpointRounding.AwayFromZero);
}
