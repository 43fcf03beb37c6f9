namespace Uitstroom.Simulation.Model;

/// <summary>The standard normal distribution function and its inverse, for true probabilities and percentiles.</summary>
public static class Normal
{
    /// <summary>Φ(x), via the complementary error function (Abramowitz–Stegun 7.1.26 is too coarse in the tails).</summary>
    public static double Cdf(double x) => 0.5 * Erfc(-x / Math.Sqrt(2));

    private static double Erfc(double x)
    {
        // Numerical Recipes' erfc with a Chebyshev fit: relative error below 1.2e-7 everywhere.
        var z = Math.Abs(x);
        var t = 1 / (1 + (0.5 * z));
        double[] c = [-1.26551223, 1.00002368, 0.37409196, 0.09678418, -0.18628806, 0.27886807, -1.13520398, 1.48851587, -0.82215223, 0.17087277];
        var poly = 0.0;
        for (var i = c.Length - 1; i >= 0; i--)
        {
            poly = (poly * t) + c[i];
        }

        var r = t * Math.Exp(-(z * z) + poly);
        return x >= 0 ? r : 2 - r;
    }

    /// <summary>Φ⁻¹(p) (Acklam's rational approximation, relative error below 1.2e-9).</summary>
    public static double Quantile(double p)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(p, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(p, 1);
        double[] a = [-39.69683028665376, 220.9460984245205, -275.9285104469687, 138.3577518672690, -30.66479806614716, 2.506628277459239];
        double[] b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
        double[] c = [-0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
        double[] d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
        const double low = 0.02425;
        if (p < low)
        {
            var q = Math.Sqrt(-2 * Math.Log(p));
            return (((((((((c[0] * q) + c[1]) * q) + c[2]) * q) + c[3]) * q) + c[4]) * q + c[5])
                / ((((((((d[0] * q) + d[1]) * q) + d[2]) * q) + d[3]) * q) + 1);
        }

        if (p > 1 - low)
        {
            return -Quantile(1 - p);
        }

        var s = p - 0.5;
        var r = s * s;
        return (((((((((a[0] * r) + a[1]) * r) + a[2]) * r) + a[3]) * r) + a[4]) * r + a[5]) * s
            / (((((((((b[0] * r) + b[1]) * r) + b[2]) * r) + b[3]) * r) + b[4]) * r + 1);
    }
}
