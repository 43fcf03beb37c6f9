using System.Globalization;
using Uitstroom.Predict.Backtest;
using Uitstroom.Predict.Tests.Simulated;

namespace Uitstroom.Predict.Bench;

/// <summary>
/// The backtest on many simulated worlds, one line each, then what they show together. One world has one draw of
/// national luck per test year, shared by every school in it, so a single world's calibration and range coverage
/// say little; the spread over worlds says how far a figure is chance.
/// </summary>
internal static class WorldsBench
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    public static void Run(int firstSeed, int lastSeed, int schools, int years)
    {
        Console.WriteLine("seed | level error per test year (points) | pupil calibration | 80% / 95% range | P(onder) Brier vs rule, expected vs observed | Brier gain over carry-forward");
        var worlds = new List<BacktestSummary>();
        for (var seed = firstSeed; seed <= lastSeed; seed++)
        {
            var s = SimulatedWorld.Backtest(seed, schools, years);
            worlds.Add(s);
            var k = s.Schools!;
            var gain = s.Rows.Select(r => 1 - (r.Model.Brier / r.CarryForward.Brier)).ToArray();
            Console.WriteLine(string.Format(C, "{0,4} | {1} | {2} | {3:0.000} / {4:0.000} | {5:0.0000} vs {6:0.0000}, {7:0} vs {8:0} | {9:P0}–{10:P0}",
                seed, string.Join(", ", s.LevelErrorByYear.OrderBy(e => e.Key).Select(e => $"{e.Key}: {e.Value:+0.00;-0.00}")),
                Report.Calibration(s.Rows), k.Coverage80, k.Coverage95, k.BrierBelow, k.BrierRule, Expected(k), Observed(k), gain.Min(), gain.Max()));
        }

        var cover = worlds.Select(w => w.Schools!.Coverage80).ToArray();
        Console.WriteLine(string.Format(C, "{0} worlds: 80% range holds the value {1:0.000} on average ({2} of {0} worlds within 0.75–0.85), 95% range {3:0.000}; P(onder) expected {4:0} vs observed {5:0}; Brier below the rule in {6} of {0}",
            worlds.Count, cover.Average(), cover.Count(c => c is >= 0.75 and <= 0.85), worlds.Average(w => w.Schools!.Coverage95),
            worlds.Sum(w => Expected(w.Schools!)), worlds.Sum(w => Observed(w.Schools!)), worlds.Count(w => w.Schools!.BrierBelow < w.Schools.BrierRule)));
        var pooled = PooledCalibration.Over([.. worlds.Select(w => w.Rows)]);
        Console.WriteLine($"pupil calibration, each row's deciles pooled over the {worlds.Count} worlds: {Report.Calibration(pooled)}");
        foreach (var year in worlds.SelectMany(w => w.ByYear ?? []).GroupBy(y => y.OutflowYear).OrderBy(g => g.Key))
        {
            Console.WriteLine(string.Format(C, "test year {0}: level error {1:+0.00;-0.00} points on average (sd {2:0.00}); 80% range {3:0.000}; {4}; pooled over the worlds: {5}",
                year.Key, year.Average(y => y.LevelError), Sd(year.Select(y => y.LevelError)), year.Average(y => y.Schools!.Coverage80),
                $"P(onder) expected {year.Sum(y => Expected(y.Schools!)):0} vs observed {year.Sum(y => Observed(y.Schools!)):0}",
                Report.Calibration(PooledCalibration.Over([.. year.Select(y => y.Rows)]))));
        }

        PrintWorstRows(pooled);
    }

    /// <summary>The pooled rows with a decile beyond the tolerance, each with its deciles.</summary>
    private static void PrintWorstRows(IReadOnlyList<BacktestRow> pooled)
    {
        foreach (var row in pooled.Where(r => r.Calibration.Any(b => CalibrationFigures.Deviation(b) > CalibrationFigures.Tolerance)))
        {
            Console.WriteLine($"  {row.Subject} {row.Target} {row.Moment}: " + string.Join("  ", row.Calibration.Select(b =>
                string.Format(C, "{0:0.000}/{1:0.000}±{2:0.000}", b.MeanPredicted, b.Observed, b.StandardError))));
        }
    }

    private static double Expected(SchoolBacktest s) => CalibrationFigures.Below(s).Expected;

    private static double Observed(SchoolBacktest s) => CalibrationFigures.Below(s).Observed;

    private static double Sd(IEnumerable<double> values)
    {
        var v = values.ToArray();
        var mean = v.Average();
        return v.Length > 1 ? Math.Sqrt(v.Sum(x => (x - mean) * (x - mean)) / (v.Length - 1)) : 0;
    }
}
