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

        foreach (var (year, error) in b.LevelErrorByYear.OrderBy(e => e.Key))
        {
            AnsiConsole.MarkupLineInterpolated($"level {year}: observed − predicted {error:+0.00;-0.00} points");
        }

        foreach (var (learner, brier) in b.MeanBrierByLearner.OrderBy(e => e.Value))
        {
            AnsiConsole.MarkupLineInterpolated($"mean Brier {learner}: {brier:0.00000}{(learner == b.Learner ? " (chosen)" : "")}");
        }
    }

    private static string F(double v, int digits) => double.IsNaN(v) ? "–" : v.ToString("F" + digits.ToString(C), C);
}
