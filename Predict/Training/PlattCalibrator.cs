namespace Uitstroom.Predict.Training;

/// <summary>
/// p = σ(a·score + b), fitted by damped Newton steps on held-out data. Fitted on the most recent cohort with a known
/// outflow, it also carries that cohort's overall level into the probabilities: this is the first half of the
/// drift handling (docs/forecast.md).
/// </summary>
public sealed record PlattCalibrator(double A, double B)
{
    public double Apply(double score) => Sigmoid((A * score) + B);

    public static double Sigmoid(double x) => x >= 0 ? 1 / (1 + Math.Exp(-x)) : Math.Exp(x) / (1 + Math.Exp(x));

    public static PlattCalibrator Fit(ReadOnlySpan<float> scores, ReadOnlySpan<bool> labels)
    {
        if (scores.Length != labels.Length || scores.Length == 0)
        {
            throw new ArgumentException("calibration needs as many labels as scores, and at least one");
        }

        // Standardised scores keep Newton's steps well scaled whatever the learner's margin range (trees: ±20).
        double mean = 0, sq = 0;
        foreach (var s in scores)
        {
            mean += s;
        }

        mean /= scores.Length;
        foreach (var s in scores)
        {
            sq += (s - mean) * (s - mean);
        }

        var sd = Math.Sqrt(sq / scores.Length);
        sd = sd > 1e-12 ? sd : 1;
        var x = new double[scores.Length];
        for (var i = 0; i < x.Length; i++)
        {
            x[i] = (scores[i] - mean) / sd;
        }

        // Platt's smoothed targets keep a and b finite when one class is rare or perfectly separated.
        var positives = 0;
        foreach (var l in labels)
        {
            positives += l ? 1 : 0;
        }

        var hi = (positives + 1.0) / (positives + 2.0);
        var lo = 1.0 / (labels.Length - positives + 2.0);
        var t = new double[x.Length];
        for (var i = 0; i < t.Length; i++)
        {
            t[i] = labels[i] ? hi : lo;
        }

        double a = 0, b = Math.Log((positives + 1.0) / (labels.Length - positives + 1.0));
        var loss = Loss(x, t, a, b);
        for (var iteration = 0; iteration < 100; iteration++)
        {
            double ga = 0, gb = 0, haa = 1e-9, hab = 0, hbb = 1e-9;
            for (var i = 0; i < x.Length; i++)
            {
                var p = Sigmoid((a * x[i]) + b);
                var d = p - t[i];
                var w = p * (1 - p);
                ga += d * x[i];
                gb += d;
                haa += w * x[i] * x[i];
                hab += w * x[i];
                hbb += w;
            }

            var det = (haa * hbb) - (hab * hab);
            if (det <= 0)
            {
                break;
            }

            var da = ((hbb * ga) - (hab * gb)) / det;
            var db = ((haa * gb) - (hab * ga)) / det;
            // Halve the step until the loss goes down: plain Newton overshoots on near-separable scores.
            var step = 1.0;
            double next;
            while ((next = Loss(x, t, a - (step * da), b - (step * db))) > loss && step > 1e-6)
            {
                step /= 2;
            }

            a -= step * da;
            b -= step * db;
            var improved = loss - next;
            loss = next;
            if (Math.Abs(step * da) + Math.Abs(step * db) < 1e-10 || improved < 1e-12 * x.Length)
            {
                break;
            }
        }

        return new PlattCalibrator(a / sd, b - (a * mean / sd));
    }

    private static double Loss(double[] x, double[] t, double a, double b)
    {
        double loss = 0;
        for (var i = 0; i < x.Length; i++)
        {
            var z = (a * x[i]) + b;
            // log(1 + e^z) − t·z, computed without overflow.
            loss += (z > 0 ? z + Math.Log(1 + Math.Exp(-z)) : Math.Log(1 + Math.Exp(z))) - (t[i] * z);
        }

        return loss;
    }
}
