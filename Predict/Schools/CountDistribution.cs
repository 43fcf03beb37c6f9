using Uitstroom.Predict.Training;

namespace Uitstroom.Predict.Schools;

/// <summary>
/// The distribution of a count of results reaching a level, as a mixture of normals: one component per value of
/// the school-year's shared logit shift (Gauss–Hermite nodes), each the normal approximation of a sum of
/// independent Bernoullis given that shift. Independent years combine by <see cref="Plus"/>.
/// </summary>
public sealed class CountDistribution
{
    private readonly double[] weights;
    private readonly double[] means;
    private readonly double[] variances;

    private CountDistribution(double[] weights, double[] means, double[] variances)
    {
        this.weights = weights;
        this.means = means;
        this.variances = variances;
    }

    public double Mean => weights.Select((w, i) => w * means[i]).Sum();

    public double Variance => weights.Select((w, i) => w * (variances[i] + (means[i] * means[i]))).Sum() - (Mean * Mean);

    public static CountDistribution Constant(double count) => new([1], [count], [0]);

    /// <summary>The count of successes among results with these probabilities, all shifted by one δ ~ N(0, τ²) on the logit scale.</summary>
    public static CountDistribution Of(ReadOnlySpan<double> probabilities, double shiftVariance)
    {
        if (shiftVariance <= 0)
        {
            double m = 0, v = 0;
            foreach (var p in probabilities)
            {
                m += p;
                v += p * (1 - p);
            }

            return new([1], [m], [v]);
        }

        var tau = Math.Sqrt(shiftVariance);
        var nodes = GaussHermite.Nodes;
        var w = new double[nodes.Length];
        var mu = new double[nodes.Length];
        var va = new double[nodes.Length];
        var logits = new double[probabilities.Length];
        for (var i = 0; i < logits.Length; i++)
        {
            var p = Math.Clamp(probabilities[i], 1e-6, 1 - 1e-6);
            logits[i] = Math.Log(p / (1 - p));
        }

        for (var k = 0; k < nodes.Length; k++)
        {
            var delta = tau * nodes[k];
            double m = 0, v = 0;
            foreach (var l in logits)
            {
                var q = 1 / (1 + Math.Exp(-(l + delta)));
                m += q;
                v += q * (1 - q);
            }

            w[k] = GaussHermite.Weights[k];
            mu[k] = m;
            va[k] = v;
        }

        return new(w, mu, va);
    }

    /// <summary>The sum of two independent counts.</summary>
    public CountDistribution Plus(CountDistribution other)
    {
        var n = weights.Length * other.weights.Length;
        var w = new double[n];
        var mu = new double[n];
        var va = new double[n];
        var k = 0;
        for (var i = 0; i < weights.Length; i++)
        {
            for (var j = 0; j < other.weights.Length; j++, k++)
            {
                w[k] = weights[i] * other.weights[j];
                mu[k] = means[i] + other.means[j];
                va[k] = variances[i] + other.variances[j];
            }
        }

        return n > MaxComponents ? Collapse(w, mu, va) : new(w, mu, va);
    }

    // Three forecast years in one window would make 1,000 components; the quantiles and P(below) do not need them.
    private const int MaxComponents = 40;

    /// <summary>
    /// Merges neighbouring components (by mean) into <see cref="MaxComponents"/> groups of equal weight, keeping
    /// each group's weight, mean and variance (within plus between), so the mixture's first two moments are exact.
    /// </summary>
    private static CountDistribution Collapse(double[] w, double[] mu, double[] va)
    {
        var order = Enumerable.Range(0, w.Length).OrderBy(i => mu[i]).ToArray();
        var gw = new List<double>(MaxComponents);
        var gm = new List<double>(MaxComponents);
        var gv = new List<double>(MaxComponents);
        var total = w.Sum();
        double cw = 0, cm = 0, c2 = 0, cumulative = 0;
        var group = 1;
        foreach (var i in order)
        {
            cw += w[i];
            cm += w[i] * mu[i];
            c2 += w[i] * (va[i] + (mu[i] * mu[i]));
            cumulative += w[i];
            if (cumulative >= total * group / MaxComponents || i == order[^1])
            {
                if (cw > 0)
                {
                    var mean = cm / cw;
                    gw.Add(cw);
                    gm.Add(mean);
                    gv.Add(Math.Max(0, (c2 / cw) - (mean * mean)));
                }

                cw = cm = c2 = 0;
                group++;
            }
        }

        return new([.. gw], [.. gm], [.. gv]);
    }

    /// <summary>P(count ≤ x), with the continuity correction of a count (x is an integer).</summary>
    public double AtMost(double x)
    {
        double p = 0;
        for (var i = 0; i < weights.Length; i++)
        {
            p += weights[i] * NormalCdf(x + 0.5, means[i], variances[i]);
        }

        return Math.Clamp(p, 0, 1);
    }

    /// <summary>The q-quantile of the (continuous) mixture, by bisection.</summary>
    public double Quantile(double q)
    {
        var sd = Math.Sqrt(variances.Max());
        double lo = means.Min() - (8 * sd) - 1, hi = means.Max() + (8 * sd) + 1;
        for (var iteration = 0; iteration < 45; iteration++)
        {
            var mid = (lo + hi) / 2;
            double p = 0;
            for (var i = 0; i < weights.Length; i++)
            {
                p += weights[i] * NormalCdf(mid, means[i], variances[i]);
            }

            if (p < q)
            {
                lo = mid;
            }
            else
            {
                hi = mid;
            }
        }

        return (lo + hi) / 2;
    }

    private static double NormalCdf(double x, double mean, double variance) =>
        variance <= 1e-12 ? (x >= mean ? 1 : 0) : 0.5 * Erfc(-(x - mean) / Math.Sqrt(2 * variance));

    /// <summary>Complementary error function (Numerical Recipes' Chebyshev fit, relative error &lt; 1.2e-7).</summary>
    private static double Erfc(double x)
    {
        var z = Math.Abs(x);
        var t = 1 / (1 + (0.5 * z));
        double[] c = [-1.26551223, 1.00002368, 0.37409196, 0.09678418, -0.18628806, 0.27886807, -1.13520398, 1.48851587, -0.82215223, 0.17087277];
        var poly = 0.0;
        for (var i = c.Length - 1; i >= 1; i--)
        {
            poly = (poly + c[i]) * t;
        }

        var r = t * Math.Exp((-z * z) + c[0] + poly);
        return x >= 0 ? r : 2 - r;
    }
}
