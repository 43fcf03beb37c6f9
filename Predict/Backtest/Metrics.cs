namespace Uitstroom.Predict.Backtest;

/// <summary>The scoring rules of domain.md §7, for probabilities against what happened.</summary>
public static class Metrics
{
    // Log loss of a hard 0/1 forecast (carry-forward) is infinite; clipping at 1/1000 keeps it finite and comparable.
    private const double Clip = 1e-3;

    public static Scores Score(IReadOnlyList<double> p, IReadOnlyList<bool> y)
    {
        var n = p.Count;
        if (n == 0)
        {
            return new Scores(0, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN);
        }

        double brier = 0, logLoss = 0;
        int missed = 0, missedFlagged = 0, reached = 0, reachedPassed = 0;
        for (var i = 0; i < n; i++)
        {
            var t = y[i] ? 1.0 : 0.0;
            brier += (p[i] - t) * (p[i] - t);
            var q = Math.Clamp(p[i], Clip, 1 - Clip);
            logLoss -= y[i] ? Math.Log(q) : Math.Log(1 - q);
            if (y[i])
            {
                reached++;
                reachedPassed += p[i] >= 0.5 ? 1 : 0;
            }
            else
            {
                missed++;
                missedFlagged += p[i] < 0.5 ? 1 : 0;
            }
        }

        return new Scores(n, brier / n, logLoss / n, Auc(p, y),
            missed > 0 ? missedFlagged / (double)missed : double.NaN,
            reached > 0 ? reachedPassed / (double)reached : double.NaN);
    }

    /// <summary>The Mann–Whitney AUC, ties counted half.</summary>
    public static double Auc(IReadOnlyList<double> p, IReadOnlyList<bool> y)
    {
        var order = Enumerable.Range(0, p.Count).OrderBy(i => p[i]).ToArray();
        double rankSumPositive = 0;
        long positives = 0;
        var k = 0;
        while (k < order.Length)
        {
            var j = k;
            while (j + 1 < order.Length && p[order[j + 1]] == p[order[k]])
            {
                j++;
            }

            var midRank = ((k + j) / 2.0) + 1;
            for (var m = k; m <= j; m++)
            {
                if (y[order[m]])
                {
                    rankSumPositive += midRank;
                    positives++;
                }
            }

            k = j + 1;
        }

        var negatives = p.Count - positives;
        return positives == 0 || negatives == 0
            ? double.NaN
            : (rankSumPositive - (positives * (positives + 1) / 2.0)) / (positives * (double)negatives);
    }

    /// <summary>
    /// Ten bins of equal size by predicted probability, each with its mean prediction and observed share, and with
    /// <paramref name="clusters"/> (one id per row, e.g. the school-year) the cluster-robust standard error of that share.
    /// </summary>
    public static IReadOnlyList<CalibrationBin> Calibration(
        IReadOnlyList<double> p, IReadOnlyList<bool> y, int bins = 10, IReadOnlyList<int>? clusters = null)
    {
        var order = Enumerable.Range(0, p.Count).OrderBy(i => p[i]).ToArray();
        var result = new List<CalibrationBin>(bins);
        for (var b = 0; b < bins; b++)
        {
            var from = (int)((long)order.Length * b / bins);
            var to = (int)((long)order.Length * (b + 1) / bins);
            if (to <= from)
            {
                continue;
            }

            double sp = 0, sy = 0;
            for (var i = from; i < to; i++)
            {
                sp += p[order[i]];
                sy += y[order[i]] ? 1 : 0;
            }

            var observed = sy / (to - from);
            var se = clusters is null ? 0 : ClusteredStandardError(order.AsSpan(from, to - from), y, clusters, observed);
            result.Add(new CalibrationBin(b + 1, to - from, sp / (to - from), observed, se));
        }

        return result;
    }

    /// <summary>√(Σ over clusters of (Σ (y − ȳ))²) / n: the sandwich standard error of a mean of clustered 0/1 rows.</summary>
    private static double ClusteredStandardError(ReadOnlySpan<int> rows, IReadOnlyList<bool> y, IReadOnlyList<int> clusters, double mean)
    {
        var sums = new Dictionary<int, double>();
        foreach (var i in rows)
        {
            sums[clusters[i]] = sums.GetValueOrDefault(clusters[i]) + ((y[i] ? 1 : 0) - mean);
        }

        var sq = sums.Values.Sum(v => v * v);
        return Math.Sqrt(sq) / rows.Length;
    }
}
