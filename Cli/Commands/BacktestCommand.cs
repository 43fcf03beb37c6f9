using System.CommandLine;
using Spectre.Console;
using Uitstroom.Contracts.Predict.V1;

namespace Uitstroom.Cli.Commands;

/// <summary><c>uitstroom backtest</c>: train on outflow years before Y, test on Y, for the latest years.</summary>
internal static class BacktestCommand
{
    public static Command Create()
    {
        var learner = new Option<string?>("--learner") { Description = "fasttree, lightgbm or logistic (default: compare all three)" };
        var board = new Option<string?>("--board") { Description = "backtest on this board's cohorts only (BGNR)" };
        var years = new Option<int>("--years") { Description = "how many of the latest known outflow years to test on", DefaultValueFactory = _ => 3 };
        var command = new Command("backtest", "Temporal backtest: Brier, log loss, AUC, calibration, sensitivity/specificity beside the baselines.") { learner, board, years };
        command.SetAction((parse, ct) => CliRunner.RunAsync(async () =>
        {
            var client = new Models.ModelsClient(Endpoints.Channel(parse, Endpoints.PredictOption));
            var reply = await AnsiConsole.Status().StartAsync("backtesting…", _ => client.BacktestAsync(
                new BacktestRequest { Learner = parse.GetValue(learner) ?? "", Bgnr = parse.GetValue(board) ?? "", TestYears = parse.GetValue(years) },
                deadline: CliRunner.Deadline(TimeSpan.FromMinutes(60)), cancellationToken: ct).ResponseAsync);
            BacktestPrinter.Print(reply.Backtest);
        }));
        return command;
    }
}
