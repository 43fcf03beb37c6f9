using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using Uitstroom.Contracts.Predict.V1;

namespace Uitstroom.Cli.Commands;

/// <summary><c>uitstroom models</c>: the stored model versions with their backtest figures.</summary>
internal static class ModelsCommand
{
    public static Command Create()
    {
        var version = new Option<string?>("--version") { Description = "print this version's full backtest" };
        var command = new Command("models", "List the model versions and the backtest figures stored with each.") { version };
        command.SetAction((parse, ct) => CliRunner.RunAsync(async () =>
        {
            var client = new Models.ModelsClient(Endpoints.Channel(parse, Endpoints.PredictOption));
            var reply = await client.ListModelsAsync(new ListModelsRequest(), deadline: CliRunner.Deadline(), cancellationToken: ct);
            if (parse.GetValue(version) is { } v)
            {
                var m = reply.Models.FirstOrDefault(x => x.Version == v) ?? throw new ArgumentException($"no model version '{v}'");
                if (m.Backtest is null)
                {
                    throw new ArgumentException($"model {v} was trained without a backtest (uitstroom train --backtest)");
                }

                BacktestPrinter.Print(m.Backtest);
                return;
            }

            var c = CultureInfo.InvariantCulture;
            var table = new Table().AddColumns("versie", "", "learner", "scope", "leerlingen", "uitstroomjaren", "mean Brier", "vs carry-fwd", "80% range", "P(onder) Brier");
            foreach (var m in reply.Models)
            {
                var b = m.Backtest;
                table.AddRow(
                    m.Version,
                    m.Current ? "current" : "",
                    m.Learner,
                    m.Scope,
                    m.Pupils.ToString(c),
                    string.Join(",", m.TrainedOutflowYears),
                    b is null ? "–" : b.Rows.Average(r => r.Model.Brier).ToString("0.0000", c),
                    b is null ? "–" : b.Rows.Average(r => r.CarryForward.Brier).ToString("0.0000", c),
                    b?.Schools is { } s ? s.Coverage80.ToString("P1", c) : "–",
                    b?.Schools is { } k ? k.BrierBelow.ToString("0.0000", c) : "–");
            }

            AnsiConsole.Write(table);
        }));
        return command;
    }
}
