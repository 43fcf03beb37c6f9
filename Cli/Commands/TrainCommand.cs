using System.CommandLine;
using Spectre.Console;
using Uitstroom.Contracts.Predict.V1;

namespace Uitstroom.Cli.Commands;

/// <summary><c>uitstroom train</c>: a new model version on every board's finished cohorts (or one board's).</summary>
internal static class TrainCommand
{
    public static Command Create()
    {
        var learner = new Option<string?>("--learner") { Description = "fasttree, lightgbm or logistic (default: the last backtest's choice)" };
        var board = new Option<string?>("--board") { Description = "train on this board's cohorts only (BGNR)" };
        var backtest = new Option<bool>("--backtest") { Description = "backtest every learner first and train the best (slower)" };
        var command = new Command("train", "Train a forecast model version and make it current.") { learner, board, backtest };
        command.SetAction((parse, ct) => CliRunner.RunAsync(async () =>
        {
            var client = new Models.ModelsClient(Endpoints.Channel(parse, Endpoints.PredictOption));
            var reply = await AnsiConsole.Status().StartAsync("training…", _ => client.TrainAsync(
                new TrainRequest { Learner = parse.GetValue(learner) ?? "", Bgnr = parse.GetValue(board) ?? "", WithBacktest = parse.GetValue(backtest) },
                deadline: CliRunner.Deadline(TimeSpan.FromMinutes(60)), cancellationToken: ct).ResponseAsync);
            var m = reply.Model;
            AnsiConsole.MarkupLineInterpolated($"model [bold]{m.Version}[/] ({m.Learner}, {m.Scope}): {m.Pupils} pupils, outflow years {string.Join(", ", m.TrainedOutflowYears)}, calibrated on {m.CalibrationOutflowYear}");
            if (m.Backtest is { } b)
            {
                BacktestPrinter.Print(b);
            }
        }));
        return command;
    }
}
