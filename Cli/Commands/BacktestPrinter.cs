using System.Globalization;
using Spectre.Console;
using Uitstroom.Contracts.Predict.V1;

namespace Uitstroom.Cli.Commands;

/// <summary>The backtest as a table: one row per subject × target × moment, beside both baselines, then the school level.</summary>
internal static class BacktestPrinter
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    public static void Print(BacktestMessage b)
    {
        AnsiConsole.MarkupLineInterpolated($"[bold]backtest[/] learner {b.Learner}, test outflow years {string.Join(", ", b.TestOutflowYears)} (trained on the years before each)");
        var table = new Table().AddColumns("vak", "doel", "moment", "n", "Brier", "Brier carry-fwd", "Brier logistic", "log loss", "AUC", "sens", "spec", "max kal. afw.");
        foreach (var r in b.Rows)
        {
            var dev = r.Calibration.Count > 0 ? r.Calibration.Max(c => Math.Abs(c.MeanPredicted - c.Observed)) * 100 : 0;
            table.AddRow(r.Subject, r.Target, r.Moment, r.Model.N.ToString(C), F(r.Model.Brier, 4), F(r.CarryForward.Brier, 4), F(r.Logistic.Brier, 4),
                F(r.Model.LogLoss, 3), F(r.Model.Auc, 3), F(r.Model.Sensitivity, 2), F(r.Model.Specificity, 2), F(dev, 1));
        }

        AnsiConsole.Write(table);
        if (b.Schools is { } s)
        {
            AnsiConsole.MarkupLineInterpolated($"schools: {s.SchoolYears} school-years × moments; 80% range held the realised value {s.Coverage80:P1}, 95% range {s.Coverage95:P1}");
            AnsiConsole.MarkupLineInterpolated($"P(onder): Brier {s.BrierBelow:0.0000} over {s.Judgements} judgements, against {s.BrierRule:0.0000} for 'onder in the last three years'");
        }

        AnsiConsole.MarkupLineInterpolated($"pooled over {b.TestOutflowYears.Count} years: {Calibration(b.Rows)}{Below(b.Schools)}");
        foreach (var y in b.Years.OrderBy(y => y.OutflowYear))
        {
            var ranges = y.Schools is { } ys ? $"; 80% range {ys.Coverage80:P1}, 95% {ys.Coverage95:P1}" : "";
            AnsiConsole.MarkupLineInterpolated($"test year {y.OutflowYear} alone: level observed − predicted {y.LevelError:+0.00;-0.00} points; {Calibration(y.Rows)}{ranges}{Below(y.Schools)}");
        }

        if (b.Years.Count == 0)
        {
            foreach (var (year, error) in b.LevelErrorByYear.OrderBy(e => e.Key))
            {
                AnsiConsole.MarkupLineInterpolated($"level {year}: observed − predicted {error:+0.00;-0.00} points");
            }
        }

        foreach (var (learner, brier) in b.MeanBrierByLearner.OrderBy(e => e.Value))
        {
            AnsiConsole.MarkupLineInterpolated($"mean Brier {learner}: {brier:0.00000}{(learner == b.Learner ? " (chosen)" : "")}");
        }
    }

    /// <summary>Calibration per decile: mean and worst deviation over the rows, and rows within 3 points in every decile.</summary>
    private static string Calibration(IReadOnlyCollection<BacktestRowMessage> rows)
    {
        var dev = rows.Select(r => r.Calibration.Select(c => Math.Abs(c.MeanPredicted - c.Observed) * 100).DefaultIfEmpty(0).ToArray()).ToArray();
        return dev.Length == 0 ? "no rows" : string.Create(C,
            $"calibration mean {dev.Average(d => d.Average()):0.0} / worst {dev.Max(d => d.Max()):0.0} points per decile, rows within 3 points {dev.Count(d => d.All(v => v <= 3))}/{dev.Length}");
    }

    /// <summary>Schools expected (Σ P(onder)) against observed below the signaleringswaarde.</summary>
    private static string Below(SchoolBacktestMessage? s) => s is null ? "" : string.Create(C,
        $"; P(onder) expected {s.BelowCalibration.Sum(c => c.N * c.MeanPredicted):0} vs observed {s.BelowCalibration.Sum(c => c.N * c.Observed):0}");

    private static string F(double v, int digits) => double.IsNaN(v) ? "–" : v.ToString("F" + digits.ToString(C), C);
}
