namespace Uitstroom.Domain.Norms;

/// <summary>
/// The standard normal distribution, for national percentiles and bands: LVS norms are percentiles of a
/// (close to) normal score distribution per moment. Written here so the pure kernel needs no maths package.
/// </summary>
public static class NormalDistribution
{
    private const double InvSqrt2Pi = 0.398942280401432678;

    public static double Density(double z) => InvSqrt2Pi * Math.Exp(-0.5 * z * z);

    /// <summary>P(Z ≤ z), from the complementary error function (absolute error below 1.2e-7).</summary>
    public static double Cdf(double z) => 0.5 * Erfc(-z / Math.Sqrt(2));

    /// <summary>The z with P(Z ≤ z) = p, 0 &lt; p &lt; 1 (Acklam's rational approximation, relative error 1.2e-9).</summary>
    public static double InverseCdf(double p)
    {
        if (!(p > 0 && p < 1))
        {
            return p == 0 ? double.NegativeInfinity : p == 1 ? double.PositiveInfinity : double.NaN;
        }

        const double low = 0.02425;
        if (p < low)
        {
            var q = Math.Sqrt(-2 * Math.Log(p));
            return Tail(q);
        }

        if (p > 1 - low)
        {
            var q = Math.Sqrt(-2 * Math.Log(1 - p));
            return -Tail(q);
        }

        var r = p - 0.5;
        var s = r * r;
        return (((((-3.969683028665376e+01 * s + 2.209460984245205e+02) * s - 2.759285104469687e+02) * s
                    + 1.383577518672690e+02) * s - 3.066479806614716e+01) * s + 2.506628277459239e+00) * r
            / (((((-5.447609879822406e+01 * s + 1.615858368580409e+02) * s - 1.556989798598866e+02) * s
                    + 6.680131188771972e+01) * s - 1.328068155288572e+01) * s + 1);

        static double Tail(double q) =>
            (((((-7.784894002430293e-03 * q - 3.223964580411365e-01) * q - 2.400758277161838e+00) * q
                    - 2.549732539343734e+00) * q + 4.374664141464968e+00) * q + 2.938163982698783e+00)
            / ((((7.784695709041462e-03 * q + 3.224671290700398e-01) * q + 2.445134137142996e+00) * q
                    + 3.754408661907416e+00) * q + 1);
    }

    /// <summary>E[Z | a &lt; Z &lt; b]: where a pupil known only to lie in a band stands on average.</summary>
    public static double TruncatedMean(double a, double b) =>
        (Density(a) - Density(b)) / (Cdf(b) - Cdf(a));

    // Numerical Recipes' erfc with a Chebyshev fit (fractional error below 1.2e-7 everywhere).
    private static double Erfc(double x)
    {
        var z = Math.Abs(x);
        var t = 1 / (1 + (0.5 * z));
        var poly = -1.26551223 + (t * (1.00002368 + (t * (0.37409196 + (t * (0.09678418 + (t * (-0.18628806
            + (t * (0.27886807 + (t * (-1.13520398 + (t * (1.48851587 + (t * (-0.82215223 + (t * 0.17087277)))))))))))))))));
        var r = t * Math.Exp(-(z * z) + poly);
        return x >= 0 ? r : 2 - r;
    }
}
