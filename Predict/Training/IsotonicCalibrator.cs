namespace Uitstroom.Predict.Training;

/// <summary>
/// A monotone map from learner score to probability, fitted by pool-adjacent-violators on held-out rows: free of
/// Platt's assumption that the calibration curve is a logistic in the score. Between the pooled blocks' mean scores
/// it interpolates linearly, so two pupils with nearly the same score get nearly the same probability.
/// </summary>
public sealed record IsotonicCalibrator(double[] Scores, double[] Probabilities)
{
    // A block of pooled rows must hold this many before it stands on its own (fewer and the curve follows noise).
    private const int MinimumBlock = 50;

    // Probabilities of exactly 0 or 1 would be infinite logits, which the year-level shift and widening cannot move.
    private const double Floor = 1e-4;

    public double Apply(double score)
    {
        var i = Array.BinarySearch(Scores, score);
        if (i >= 0)
        {
            return Probabilities[i];
        }

        i = ~i;
        if (i == 0)
        {
            return Probabilities[0];
        }

        if (i == Scores.Length)
        {
            return Probabilities[^1];
        }

        var t = (score - Scores[i - 1]) / (Scores[i] - Scores[i - 1]);
        return Probabilities[i - 1] + (t * (Probabilities[i] - Probabilities[i - 1]));
    }

    public double Logit(double score)
    {
        var p = Math.Clamp(Apply(score), Floor, 1 - Floor);
        return Math.Log(p / (1 - p));
    }

    public static IsotonicCalibrator Fit(ReadOnlySpan<float> scores, ReadOnlySpan<bool> labels)
    {
        if (scores.Length != labels.Length || scores.Length == 0)
        {
            throw new ArgumentException("calibration needs as many labels as scores, and at least one");
        }

        var order = new int[scores.Length];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        var keys = scores.ToArray();
        Array.Sort(keys, order);

        // Blocks as a stack: weight, Σscore, Σlabel. Rows start in blocks of MinimumBlock (ties kept together), then
        // neighbours are pooled while their means violate the order.
        var weight = new List<double>();
        var sumScore = new List<double>();
        var sumLabel = new List<double>();
        var k = 0;
        while (k < order.Length)
        {
            double w = 0, s = 0, y = 0;
            while (k < order.Length && (w < MinimumBlock || keys[k] == keys[k - 1]))
            {
                w++;
                s += keys[k];
                y += labels[order[k]] ? 1 : 0;
                k++;
            }

            weight.Add(w);
            sumScore.Add(s);
            sumLabel.Add(y);
            while (weight.Count > 1 && sumLabel[^2] / weight[^2] >= sumLabel[^1] / weight[^1])
            {
                var last = weight.Count - 1;
                weight[last - 1] += weight[last];
                sumScore[last - 1] += sumScore[last];
                sumLabel[last - 1] += sumLabel[last];
                weight.RemoveAt(last);
                sumScore.RemoveAt(last);
                sumLabel.RemoveAt(last);
            }
        }

        return new IsotonicCalibrator(
            [.. weight.Select((w, i) => sumScore[i] / w)],
            [.. weight.Select((w, i) => sumLabel[i] / w)]);
    }
}
