using System.CommandLine;
using System.Globalization;
using Google.Protobuf;
using Spectre.Console;
using Uitstroom.Contracts.Predict.V1;

namespace Uitstroom.Cli.Commands;

/// <summary>
/// <c>uitstroom lookback --board &lt;BGNR&gt;</c>: per school the three judged outflow years, the pooled %1F and
/// %1S/2F, the signaleringswaarden and the outcomes, as the Inspectie computes them (Predict does the computing).
/// </summary>
internal static class LookbackCommand
{
    private static readonly CultureInfo Nl = CultureInfo.InvariantCulture;

    public static Command Create()
    {
        var board = new Option<string>("--board") { Description = "the board (BGNR, e.g. 41565)", Required = true };
        var format = new Option<string>("--format") { Description = "table (default), csv or json", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "csv", "json");
        var command = new Command("lookback", "Looking back: the Inspectie's indicators per school of a board.") { board, format };
        command.SetAction((parse, ct) => CliRunner.RunAsync(async () =>
        {
            var client = new Lookback.LookbackClient(Endpoints.Channel(parse, Endpoints.PredictOption));
            var reply = await client.GetBoardLookbackAsync(
                new GetBoardLookbackRequest { Bgnr = parse.GetValue(board)! }, deadline: CliRunner.Deadline(), cancellationToken: ct);
            switch (parse.GetValue(format))
            {
                case "json":
                    Console.Out.WriteLine(new JsonFormatter(JsonFormatter.Settings.Default.WithFormatDefaultValues(true).WithIndentation()).Format(reply));
                    break;
                case "csv":
                    WriteCsv(reply, Console.Out);
                    break;
                default:
                    WriteTable(reply);
                    break;
            }
        }));
        return command;
    }

    private const int NameWidth = 26;

    /// <summary>
    /// Three lines per school (pupils, %1F, %1S/2F) so the table fits a terminal: the years side by side, then the
    /// pooled value, the signaleringswaarde and the outcome.
    /// </summary>
    private static void WriteTable(BoardLookback reply)
    {
        if (Console.IsOutputRedirected)
        {
            // Piped to a file or a pager: do not wrap at the 80 columns Spectre assumes without a terminal.
            AnsiConsole.Profile.Width = 160;
        }

        var years = reply.Schools.FirstOrDefault()?.Years.Select(y => y.SchoolYear).ToList() ?? [];
        var table = new Table().Border(TableBorder.Simple)
            .Title($"Bestuur {reply.Bgnr}: terugblik op de leerresultaten (Inspectie, drie schooljaren)");
        table.AddColumns("OVT", "school", "sw", "");
        foreach (var y in years)
        {
            table.AddColumn(new TableColumn(y).RightAligned());
        }

        table.AddColumns(new TableColumn("3 jaar").RightAligned(), new TableColumn("sign.").RightAligned(), new TableColumn("uitkomst"));
        foreach (var s in reply.Schools)
        {
            var name = s.Name.Length > NameWidth ? s.Name[..(NameWidth - 1)] + "…" : s.Name;
            var sw = s.HasSchoolweging ? s.Schoolweging.ToString("0.00", Nl) : "–";
            table.AddRow([s.Ovt, Markup.Escape(name), sw, "[grey]lln[/]", .. s.Years.Select(y => y.Status == "known" ? y.Pupils.ToString(Nl) : Absent(y)),
                s.HasPupils ? s.Pupils.ToString(Nl) : s.Years.Any(y => y.Status == "masked") ? "*" : "–", "", ""]);
            table.AddRow(["", "", "", "%1F", .. s.Years.Select(y => y.Status == "known" ? y.PercentFundamental.ToString("0.00", Nl) : Absent(y)), .. Indicator(s.Fundamental)]);
            table.AddRow(["", "", "", "%1S/2F", .. s.Years.Select(y => y.Status == "known" ? y.PercentTarget.ToString("0.00", Nl) : Absent(y)), .. Indicator(s.Target)]);
        }

        AnsiConsole.Write(table);
        AnsiConsole.MarkupLineInterpolated($"[grey]* gemaskeerd door de Inspectie (minder dan 5 leerlingen); – geen resultaten. sw = schoolweging (driejaarsgemiddelde).[/]");
        AnsiConsole.MarkupLineInterpolated($"[grey]signaleringswaarden: {reply.SignaleringswaardenSource} ({reply.SignaleringswaardenPublished})[/]");
    }

    private static string Absent(LookbackYear y) => y.Status == "masked" ? "*" : "–";

    private static string[] Indicator(IndicatorLookback i)
    {
        var outcome = i.Outcome switch
        {
            "boven" => "[green]boven[/]",
            "onder" => "[red]onder[/]",
            "kleine_school" => string.IsNullOrEmpty(i.FiveYearOutcome) ? "[yellow]kleine school (over 5 jaar)[/]" : $"[yellow]kleine school: 5 jaar {i.FiveYearOutcome}[/]",
            _ => "[grey]te weinig gegevens[/]",
        };
        return [i.HasValue ? i.Value.ToString("0.00", Nl) : "–", i.HasSignaleringswaarde ? i.Signaleringswaarde.ToString("0.0", Nl) : "–", outcome];
    }

    private static void WriteCsv(BoardLookback reply, TextWriter output)
    {
        var years = reply.Schools.FirstOrDefault()?.Years.Select(y => y.SchoolYear).ToList() ?? [];
        var header = new List<string> { "bgnr", "ovt", "naam", "schoolweging", "schoolwegingscategorie" };
        foreach (var y in years)
        {
            header.AddRange([$"status {y}", $"%1F {y}", $"%1S/2F {y}", $"leerlingen {y}"]);
        }

        header.AddRange(["leerlingen 3 jaar", "%1F", "signaleringswaarde 1F", "uitkomst 1F", "%1S/2F", "signaleringswaarde 1S/2F", "uitkomst 1S/2F", "uitkomst 5 jaar 1F", "uitkomst 5 jaar 1S/2F"]);
        output.WriteLine(string.Join(',', header.Select(Csv)));
        foreach (var s in reply.Schools)
        {
            var cells = new List<string>
            {
                reply.Bgnr, s.Ovt, s.Name, s.HasSchoolweging ? s.Schoolweging.ToString("0.00", Nl) : "",
                s.HasSchoolwegingBand ? s.SchoolwegingBand.ToString(Nl) : "",
            };
            foreach (var y in s.Years)
            {
                var known = y.Status == "known";
                cells.AddRange([y.Status, known ? y.PercentFundamental.ToString("0.00", Nl) : "", known ? y.PercentTarget.ToString("0.00", Nl) : "", known ? y.Pupils.ToString(Nl) : ""]);
            }

            cells.Add(s.HasPupils ? s.Pupils.ToString(Nl) : "");
            foreach (var i in new[] { s.Fundamental, s.Target })
            {
                cells.AddRange([i.HasValue ? i.Value.ToString("0.00", Nl) : "", i.HasSignaleringswaarde ? i.Signaleringswaarde.ToString("0.0", Nl) : "", i.OutcomeLabel]);
            }

            cells.AddRange([s.Fundamental.FiveYearOutcome, s.Target.FiveYearOutcome]);
            output.WriteLine(string.Join(',', cells.Select(Csv)));
        }
    }

    private static string Csv(string cell) =>
        cell.IndexOfAny([',', '"', '\n']) >= 0 ? $"\"{cell.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : cell;
}
