using System.Globalization;
using Uitstroom.Predict.Backtest;

namespace Uitstroom.Predict.Bench;

/// <summary>Prints a backtest summary as the plain table docs/forecast.md quotes.</summary>
internal static class Report
{
    public static void Print(BacktestSummary s)
    {
        var c = CultureInfo.InvariantCulture;
        Console.WriteLine($"test outflow years {string.Join(", ", s.TestOutflowYears)}, learner {s.Learner}; level error (observed − predicted, points) {string.Join(", ", s.LevelErrorByYear.Select(e => $"{e.Key}: {e.Value:+0.00;-0.00}"))}");
        Console.WriteLine("subject         target moment      n   brier  cf_brier log_brier   logloss  auc   sens  spec  mean_cal max_cal");
        foreach (var r in s.Rows)
        {
            var row = CalibrationFigures.Of([r]);
            Console.WriteLine(string.Format(c, "{0,-15} {1,-6} {2,-6} {3,6} {4,7:0.0000} {5,8:0.0000} {6,9:0.0000} {7,9:0.000} {8,5:0.000} {9,5:0.00} {10,5:0.00} {11,8:0.0} {12,6:0.0}",
                r.Subject, r.Target, r.Moment, r.Model.N, r.Model.Brier, r.CarryForward.Brier, r.Logistic.Brier, r.Model.LogLoss,
                r.Model.Auc, r.Model.Sensitivity, r.Model.Specificity, row.MeanPoints, row.WorstPoints));
        }

        var bins = s.Rows.SelectMany(r => r.Calibration).ToArray();
        var all = CalibrationFigures.Of(s.Rows);
        Console.WriteLine(string.Format(c, "calibration: {0} deciles, {1} more than 3 points off, {2} of them by more than 2 standard errors beyond 3 points; rows within 3 points in every decile {3}/{4}; median decile standard error {5:0.0} points",
            bins.Length, all.DecilesOff, all.DecilesBeyondChance, all.RowsWithin, all.Rows,
            100 * bins.Select(b => b.StandardError).Order().ElementAt(bins.Length / 2)));
        var worst = s.Rows.MaxBy(r => r.Calibration.Max(CalibrationFigures.Deviation))!;
        Console.WriteLine($"worst calibrated row: {worst.Subject} {worst.Target} {worst.Moment}");
        foreach (var b in worst.Calibration)
        {
            Console.WriteLine(string.Format(c, "  decile {0,2}: n {1,5} predicted {2:0.000} observed {3:0.000} ± {4:0.000}", b.Decile, b.N, b.MeanPredicted, b.Observed, b.StandardError));
        }

        if (s.Schools is { } k)
        {
            Console.WriteLine(string.Format(c, "schools: {0} school-years×moments, 80% coverage {1:0.000}, 95% coverage {2:0.000}", k.SchoolYears, k.Coverage80, k.Coverage95));
            Console.WriteLine(string.Format(c, "P(below): {0} judgements, Brier {1:0.0000} vs rule 'below on the last three years' {2:0.0000}", k.Judgements, k.BrierBelow, k.BrierRule));
            foreach (var b in k.BelowCalibration)
            {
                Console.WriteLine(string.Format(c, "  decile {0,2}: n {1,5} predicted {2:0.000} observed {3:0.000}", b.Decile, b.N, b.MeanPredicted, b.Observed));
            }
        }

        Console.WriteLine($"pooled over {s.TestOutflowYears.Count} years: {Calibration(s.Rows)}{Below(s.Schools)}");
        foreach (var y in s.ByYear ?? [])
        {
            var ranges = y.Schools is { } ys ? string.Format(c, "; 80% range {0:0.000}, 95% {1:0.000}", ys.Coverage80, ys.Coverage95) : "";
            Console.WriteLine(string.Format(c, "test year {0} alone: level {1:+0.00;-0.00} points; {2}{3}{4}", y.OutflowYear, y.LevelError, Calibration(y.Rows), ranges, Below(y.Schools)));
        }

        foreach (var (learner, brier) in s.MeanBrierByLearner)
        {
            Console.WriteLine(string.Format(c, "mean Brier {0}: {1:0.00000}", learner, brier));
        }
    }

    /// <summary>One line of pupil calibration: mean and worst decile, rows within 3 points, deciles off (beyond chance).</summary>
    public static string Calibration(IReadOnlyList<BacktestRow> rows)
    {
        var f = CalibrationFigures.Of(rows);
        return string.Format(CultureInfo.InvariantCulture, "calibration mean {0:0.0} / worst {1:0.0} points per decile, rows within 3 points {2}/{3}, deciles > 3 points {4} ({5} > 2 se beyond)",
            f.MeanPoints, f.WorstPoints, f.RowsWithin, f.Rows, f.DecilesOff, f.DecilesBeyondChance);
    }

    public static string Below(SchoolBacktest? s)
    {
        if (s is null)
        {
            return "";
        }

        var (expected, observed) = CalibrationFigures.Below(s);
        return string.Format(CultureInfo.InvariantCulture, "; P(below) expected {0:0} vs observed {1:0}", expected, observed);
    }
}
