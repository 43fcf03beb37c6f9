using System.CommandLine;
using System.Globalization;
using System.Text;
using Google.Protobuf;
using Spectre.Console;
using Uitstroom.Contracts.Predict.V1;

namespace Uitstroom.Cli.Commands;

/// <summary>
/// <c>uitstroom forecast pupils|schools</c>: the forecasts of one board as CSV (for scripts and spreadsheets), JSON
/// or a table. CSV uses commas and a decimal point, whatever the locale, so that every tool reads it the same.
/// </summary>
internal static class ForecastCommand
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    public static Command Create()
    {
        var command = new Command("forecast", "Pupil and school forecasts of a board.");
        command.Subcommands.Add(Pupils());
        command.Subcommands.Add(Schools());
        command.Subcommands.Add(SnapshotsCommand.Create());
        return command;
    }

    private static Option<string> Board() => new("--board") { Description = "the board (BGNR)", Required = true };

    private static Option<string?> Peildatum() => new("--peildatum") { Description = "the date the forecast is made as of (yyyy-MM-dd; default today)" };

    private static Option<string> Format() => new Option<string>("--format") { Description = "csv, json or table", DefaultValueFactory = _ => "table" }
        .AcceptOnlyFromAmong("csv", "json", "table");

    private static Command Pupils()
    {
        var board = Board();
        var peildatum = Peildatum();
        var format = Format();
        var pupils = new Option<FileInfo?>("--leerlingen")
        {
            Description = "a file with the school's own leerling_id values (a column leerling_id, or one per line) to put in the leerling_id column; without it the column holds the store's pupil key",
        };
        var command = new Command("pupils", "Every pupil from groep 5 × subject: p(≥1F) and p(≥target) at the end of groep 8.") { board, peildatum, format, pupils };
        command.SetAction((parse, ct) => CliRunner.RunAsync(async () =>
        {
            var client = new Forecasts.ForecastsClient(Endpoints.Channel(parse, Endpoints.PredictOption));
            var request = new ForecastPupilsRequest { Bgnr = parse.GetValue(board)!, Peildatum = parse.GetValue(peildatum) ?? "" };
            if (parse.GetValue(pupils) is { } file)
            {
                request.SchoolPupilIds.AddRange(await ReadPupilIds(file, ct));
            }

            var reply = await client.ForecastPupilsAsync(request, deadline: CliRunner.Deadline(TimeSpan.FromMinutes(5)), cancellationToken: ct);
            switch (parse.GetValue(format))
            {
                case "csv":
                    var csv = new StringBuilder("brin,vestiging,leerling_id,vak,uitstroomjaar,p_1f,p_streef\n");
                    foreach (var p in reply.Pupils)
                    {
                        csv.Append(C, $"{p.Brin},{p.Vestiging:00},{(p.SchoolPupilId.Length > 0 ? p.SchoolPupilId : p.PupilKey)},{p.Subject},{p.OutflowYear}-{p.OutflowYear + 1},{p.P1F:0.0000},{p.PStreef:0.0000}\n");
                    }

                    Console.Out.Write(csv);
                    break;
                case "json":
                    Console.Out.WriteLine(JsonFormatter.Default.Format(reply));
                    break;
                default:
                    var table = new Table().AddColumns("brin", "vest.", "leerling", "groep", "vak", "uitstroomjaar", "p ≥1F", "p ≥streef");
                    foreach (var p in reply.Pupils)
                    {
                        table.AddRow(p.Brin, p.Vestiging.ToString("00", C), p.SchoolPupilId.Length > 0 ? p.SchoolPupilId : p.PupilKey[..Math.Min(12, p.PupilKey.Length)],
                            p.Groep.ToString(C), p.Subject, $"{p.OutflowYear}-{p.OutflowYear + 1}", p.P1F.ToString("0.00", C), p.PStreef.ToString("0.00", C));
                    }

                    AnsiConsole.Write(table);
                    AnsiConsole.MarkupLineInterpolated($"model {reply.ModelVersion}, peildatum {reply.Peildatum}, data generation {reply.Generation}");
                    break;
            }
        }));
        return command;
    }

    private static Command Schools()
    {
        var board = Board();
        var peildatum = Peildatum();
        var format = Format();
        var command = new Command("schools", "Every school: coming outflow years with ranges, the projected indicator, P(onder), status and gap.") { board, peildatum, format };
        command.SetAction((parse, ct) => CliRunner.RunAsync(async () =>
        {
            var client = new Forecasts.ForecastsClient(Endpoints.Channel(parse, Endpoints.PredictOption));
            var reply = await client.ForecastSchoolsAsync(
                new ForecastSchoolsRequest { Bgnr = parse.GetValue(board)!, Peildatum = parse.GetValue(peildatum) ?? "" },
                deadline: CliRunner.Deadline(TimeSpan.FromMinutes(5)), cancellationToken: ct);
            switch (parse.GetValue(format))
            {
                case "csv":
                    Console.Out.Write(SchoolsCsv(reply));
                    break;
                case "json":
                    Console.Out.WriteLine(JsonFormatter.Default.Format(reply));
                    break;
                default:
                    SchoolsTable(reply);
                    break;
            }
        }));
        return command;
    }

    /// <summary>
    /// One row per school × coming outflow year (soort uitstroomjaar, the three subjects pooled, %≥1F and %≥streef)
    /// and per school × judgement year × indicator (soort oordeel: the projected three-year value and P(onder)).
    /// </summary>
    private static string SchoolsCsv(ForecastSchoolsResponse reply)
    {
        var csv = new StringBuilder("brin,vestiging,status,soort,jaar,groep_nu,indicator,verwacht,laag80,hoog80,laag95,hoog95,signaleringswaarde,p_onder,uitkomst,extra_resultaten\n");
        foreach (var s in reply.Schools)
        {
            foreach (var y in s.Years.Where(y => y.Subject.Length == 0))
            {
                Row(csv, s, "uitstroomjaar", y.OutflowYear, y.GroepNow.ToString(C), "1F", y.Fundamental, null, null, "", null);
                Row(csv, s, "uitstroomjaar", y.OutflowYear, y.GroepNow.ToString(C), "1S/2F", y.Streef, null, null, "", null);
            }

            foreach (var i in s.Indicators)
            {
                var gap = s.Gaps.FirstOrDefault(g => g.JudgementYear == i.JudgementYear && g.Indicator == i.Indicator);
                Row(csv, s, "oordeel", i.JudgementYear, "", i.Indicator, i.Value,
                    i.HasSignaleringswaarde ? i.Signaleringswaarde : null, i.HasProbabilityBelow ? i.ProbabilityBelow : null, i.ExpectedOutcome, gap?.ExtraResults);
            }
        }

        return csv.ToString();
    }

    private static void Row(StringBuilder csv, SchoolForecastMessage s, string kind, int year, string groep, string indicator, PercentRange r,
        double? threshold, double? below, string outcome, int? extra) =>
        csv.Append(C, $"{s.Brin},{s.Vestiging:00},{s.Status},{kind},{year}-{year + 1},{groep},{indicator},{r.Expected:0.00},{r.Low80:0.00},{r.High80:0.00},{r.Low95:0.00},{r.High95:0.00},{threshold?.ToString("0.0", C)},{below?.ToString("0.000", C)},\"{outcome}\",{extra}\n");

    private static void SchoolsTable(ForecastSchoolsResponse reply)
    {
        var table = new Table().AddColumns("school", "status", "P(onder)", "coming years: %≥1S/2F expected [80%]", "projected 1S/2F (judgement year: value, P onder)", "gap");
        foreach (var s in reply.Schools)
        {
            var colour = s.Status switch { "rood" => "red", "oranje" => "darkorange", _ => "green" };
            var years = string.Join("  ", s.Years.Where(y => y.Subject.Length == 0).Select(y =>
                $"{y.OutflowYear + 1}: {y.Streef.Expected:0} [{y.Streef.Low80:0}–{y.Streef.High80:0}]"));
            var projected = string.Join("  ", s.Indicators.Where(i => i.Indicator == "1S/2F").Select(i =>
                $"{i.JudgementYear + 1}: {i.Value.Expected:0.0}{(i.HasProbabilityBelow ? $" ({i.ProbabilityBelow:P0})" : "")}"));
            var gap = string.Join("; ", s.Gaps.Select(g => $"{g.JudgementYear + 1} {g.Indicator}: +{g.ExtraResults} ({string.Join(", ", g.Where.Select(w => $"groep {w.GroepNow} {w.Subject} +{w.Extra}"))})"));
            table.AddRow(
                new Markup(Markup.Escape($"{s.Brin}{s.Vestiging:00}")),
                new Markup($"[{colour}]{s.Status}[/]"),
                new Markup(s.MaxProbabilityBelow.ToString("P0", C)),
                new Markup(Markup.Escape(years)),
                new Markup(Markup.Escape(projected)),
                new Markup(Markup.Escape(gap)));
        }

        AnsiConsole.Write(table);
        AnsiConsole.MarkupLineInterpolated($"model {reply.ModelVersion}, peildatum {reply.Peildatum}, data generation {reply.Generation}{(reply.FromCache ? " (from cache)" : "")}");
    }

    /// <summary>The school's own pupil identifiers from a file: the leerling_id column of a CSV, or one per line.</summary>
    private static async Task<List<string>> ReadPupilIds(FileInfo file, CancellationToken ct)
    {
        if (!file.Exists)
        {
            throw new IOException($"{file.FullName}: no such file");
        }

        var lines = await File.ReadAllLinesAsync(file.FullName, ct);
        if (lines.Length == 0)
        {
            return [];
        }

        var separator = lines[0].Contains(';', StringComparison.Ordinal) ? ';' : ',';
        var header = lines[0].Split(separator).Select(h => h.Trim().Trim('"').ToLowerInvariant()).ToList();
        var column = header.IndexOf("leerling_id");
        if (column < 0)
        {
            return [.. lines.Select(l => l.Trim()).Where(l => l.Length > 0).Distinct()];
        }

        return [.. lines.Skip(1).Select(l => l.Split(separator)).Where(f => f.Length > column).Select(f => f[column].Trim().Trim('"')).Where(v => v.Length > 0).Distinct()];
    }
}
