using System.CommandLine;
using System.Globalization;
using Google.Protobuf;
using Spectre.Console;
using Uitstroom.Contracts.Predict.V1;

namespace Uitstroom.Cli.Commands;

/// <summary>
/// <c>uitstroom forecast snapshots --board B [--backfill]</c>: the board's dated forecast snapshots and its track
/// record; with <c>--backfill</c> first recomputes past half-years from the data as of each (labelled teruggerekend).
/// </summary>
internal static class SnapshotsCommand
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    public static Command Create()
    {
        var board = new Option<string>("--board") { Description = "the board (BGNR)", Required = true };
        var backfill = new Option<bool>("--backfill") { Description = "first recompute past half-year moments with the current model (teruggerekend)" };
        var moments = new Option<int>("--moments") { Description = "how many past half-years --backfill recomputes (default 6: three school years)" };
        var format = new Option<string>("--format") { Description = "table or json", DefaultValueFactory = _ => "table" }.AcceptOnlyFromAmong("table", "json");
        var command = new Command("snapshots", "Dated snapshots of the board's school forecasts per test moment, and the track record.") { board, backfill, moments, format };
        command.SetAction((parse, ct) => CliRunner.RunAsync(async () =>
        {
            var client = new ForecastSnapshots.ForecastSnapshotsClient(Endpoints.Channel(parse, Endpoints.PredictOption));
            var bgnr = parse.GetValue(board)!;
            var json = parse.GetValue(format) == "json";
            if (parse.GetValue(backfill))
            {
                var done = await client.BackfillSnapshotsAsync(
                    new BackfillSnapshotsRequest { Bgnr = bgnr, Moments = parse.GetValue(moments) },
                    deadline: CliRunner.Deadline(TimeSpan.FromMinutes(10)), cancellationToken: ct);
                if (!json)
                {
                    AnsiConsole.MarkupLineInterpolated($"teruggerekend: {string.Join(", ", done.Written.Select(m => m.Label))}");
                    if (done.KeptLive.Count > 0)
                    {
                        AnsiConsole.MarkupLineInterpolated($"live kept: {string.Join(", ", done.KeptLive.Select(m => m.Label))}");
                    }
                }
            }

            var list = await client.ListSnapshotsAsync(new ListSnapshotsRequest { Bgnr = bgnr }, deadline: CliRunner.Deadline(TimeSpan.FromMinutes(1)), cancellationToken: ct);
            var record = await client.GetTrackRecordAsync(new GetTrackRecordRequest { Bgnr = bgnr }, deadline: CliRunner.Deadline(TimeSpan.FromMinutes(5)), cancellationToken: ct);
            if (json)
            {
                Console.Out.WriteLine(JsonFormatter.Default.Format(list));
                Console.Out.WriteLine(JsonFormatter.Default.Format(record.Board));
                return;
            }

            var table = new Table().AddColumns("moment", "peildatum", "origin", "model", "schools", "recorded");
            foreach (var m in list.Moments)
            {
                table.AddRow(m.Label, m.Peildatum, m.Origin, m.ModelVersion, m.Schools.ToString(C), m.RecordedAt);
            }

            AnsiConsole.Write(table);
            var b = record.Board;
            AnsiConsole.MarkupLine(Markup.Escape(
                $"track record: {b.Entries} forecasts beside realised outflow ({b.Recomputed} from recomputed snapshots); " +
                $"mean abs. error %≥1F {b.MeanAbsoluteErrorFundamental.ToString("0.0", C)}, %≥1S/2F {b.MeanAbsoluteErrorTarget.ToString("0.0", C)} points; " +
                $"inside 80% range {b.Inside80.ToString("P0", C)}, 95% {b.Inside95.ToString("P0", C)}; status right {b.StatusCallsRight}/{b.StatusCalls}"));
        }));
        return command;
    }
}
