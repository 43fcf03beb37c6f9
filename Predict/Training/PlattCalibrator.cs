namespace Uitstroom.Predict.Training;

/// <summary>
/// p = σ(a·score + b), fitted by Newton's method on held-out data. Fitted on the most recent cohort with a known
/// outflow, it also carries that cohort's overall level into the probabilities: this is the first half of the
/// drift handling (docs/forecast.md).
/// </summary>
public sealed record PlattCalibrator(double A, double B)
{
    public double Apply(double score) => Sigmoid((A * score) + B);

    public static double Sigmoid(double x) => 1 / (1 + Math.Exp(-x));

    public static PlattCalibrator Fit(ReadOnlySpan<float> scores, ReadOnlySpan<bool> labels)
    {
        if (scores.Length != labels.Length)
        {
            throw new ArgumentException("scores and labels differ in length");
        }

        // Platt's smoothed targets keep a and b finite when one class is rare or perfectly separated.
        var positives = 0;
        foreach (var l in labels)
        {
            positives += l ? 1 : 0;
        }

        var hi = (positives + 1.0) / (positives + 2.0);
        var lo = 1.0 / (labels.Length - positives + 2.0);
        double a = 1, b = 0;
        for (var iteration = 0; iteration < 50; iteration++)
        {
            double ga = 0, gb = 0, haa = 0, hab = 0, hbb = 0;
            for (var i = 0; i < scores.Length; i++)
            {
                var p = Sigmoid((a * scores[i]) + b);
                var t = labels[i] ? hi : lo;
                var d = p - t;
                var w = Math.Max(p * (1 - p), 1e-12);
                ga += d * scores[i];
                gb += d;
                haa += w * scores[i] * scores[i];
                hab += w * scores[i];
                hbb += w;
            }

            // A touch of ridge keeps the 2×2 system solvable on degenerate scores.
            haa += 1e-9;
            hbb += 1e-9;
            var det = (haa * hbb) - (hab * hab);
            if (Math.Abs(det) < 1e-18)
            {
                break;
            }

            var da = ((hbb * ga) - (hab * gb)) / det;
            var db = ((haa * gb) - (hab * ga)) / det;
            a -= da;
            b -= db;
            if (Math.Abs(da) + Math.Abs(db) < 1e-9)
            {
                break;
            }
        }

        return new PlattCalibrator(a, b);
    }
}
