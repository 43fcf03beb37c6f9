namespace Uitstroom.Predict.Training;

/// <summary>
/// The probabilists' Gauss–Hermite rule with ten nodes: E[f(Z)] for Z ~ N(0, 1) as Σ wₖ f(xₖ). Exact for polynomials
/// up to degree 19; for the smooth logistic curve it is exact to far below a tenth of a percentage point.
/// </summary>
public static class GaussHermite
{
    // The physicists' nodes × √2 and weights / √π.
    public static ReadOnlySpan<double> Nodes =>
    [
        -4.859462828332312, -3.581823483551927, -2.484325841638955, -1.465989094391158, -0.4849357075154977,
        0.4849357075154977, 1.465989094391158, 2.484325841638955, 3.581823483551927, 4.859462828332312,
    ];

    public static ReadOnlySpan<double> Weights =>
    [
        4.310652630718e-06, 7.580709343122e-04, 1.911158050077e-02, 1.354837029802e-01, 3.446423349321e-01,
        3.446423349321e-01, 1.354837029802e-01, 1.911158050077e-02, 7.580709343122e-04, 4.310652630718e-06,
    ];

    /// <summary>E[σ(logit + δ)] for δ ~ N(0, variance): a probability made less sure by a shift it cannot know.</summary>
    public static double LogisticNormalMean(double logit, double variance)
    {
        if (variance <= 0)
        {
            return PlattCalibrator.Sigmoid(logit);
        }

        var sd = Math.Sqrt(variance);
        var nodes = Nodes;
        var weights = Weights;
        double p = 0;
        for (var k = 0; k < nodes.Length; k++)
        {
            p += weights[k] * PlattCalibrator.Sigmoid(logit + (sd * nodes[k]));
        }

        return p;
    }
}
