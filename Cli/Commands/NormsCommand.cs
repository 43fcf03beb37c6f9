using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using Uitstroom.Contracts.Normalise.V1;

namespace Uitstroom.Cli.Commands;

/// <summary>
/// <c>uitstroom norms list|show|register|renormalise</c>: the norm tables Normalise holds, adding one, and putting
/// stored results on a provider's newest table.
/// </summary>
internal static class NormsCommand
{
    private const string IllustrativeWarning =
        "[yellow]illustratief:[/] these numbers are illustrative, not the provider's licensed norms; register the licensed table to replace them (docs/uniform-scale.md).";

    public static Command Create() =>
        new("norms", "Norm tables that put every provider's scores on the uniform scale: list, show, register, renormalise.")
        {
            List(),
            Show(),
            Register(),
            Renormalise(),
        };

    private static Command List()
    {
        var provider = new Option<string?>("--provider") { Description = "only this provider (CITO, IEP, DIA, …)" };
        var command = new Command("list", "List the norm tables, their versions and where their numbers come from.") { provider };
        command.SetAction((parse, ct) => CliRunner.RunAsync(async () =>
        {
            var client = new NormTables.NormTablesClient(Endpoints.Channel(parse, Endpoints.NormaliseOption));
            var reply = await client.ListNormTablesAsync(
                new ListNormTablesRequest { Provider = parse.GetValue(provider) ?? "" }, deadline: CliRunner.Deadline(), cancellationToken: ct);
            var table = new Table().AddColumns("aanbieder", "versie", "rijen", "scoregebied", "status", "herkomst", "bron");
            foreach (var t in reply.Tables)
            {
                table.AddRow(
                    t.Provider,
                    t.Version.ToString(CultureInfo.InvariantCulture),
                    t.Rows.ToString(CultureInfo.InvariantCulture),
                    Range(t),
                    t.Illustrative ? "[yellow]illustratief[/]" : "gelicentieerd",
                    t.Shipped ? "meegeleverd" : "geregistreerd",
                    Markup.Escape(Brief(t.Source)));
            }

            AnsiConsole.Write(table);
            AnsiConsole.MarkupLine("the full source of a table: [bold]uitstroom norms show <provider>[/]");
            if (reply.Tables.Any(t => t.Illustrative))
            {
                AnsiConsole.MarkupLine(IllustrativeWarning);
            }
        }));
        return command;
    }

    private static Command Show()
    {
        var provider = new Argument<string>("provider") { Description = "the provider (CITO, IEP, DIA or a registered code)" };
        var version = new Option<int>("--version") { Description = "this version instead of the newest" };
        var csv = new Option<bool>("--csv") { Description = "print the table file (to edit and register as a new version)" };
        var command = new Command("show", "Show one norm table: the cut scores per subject and moment.") { provider, version, csv };
        command.SetAction((parse, ct) => CliRunner.RunAsync(async () =>
        {
            var client = new NormTables.NormTablesClient(Endpoints.Channel(parse, Endpoints.NormaliseOption));
            var reply = await client.GetNormTableAsync(
                new GetNormTableRequest { Provider = parse.GetValue(provider)!, Version = parse.GetValue(version) },
                deadline: CliRunner.Deadline(), cancellationToken: ct);
            if (parse.GetValue(csv))
            {
                Console.Out.Write(reply.Csv);
                return;
            }

            var info = reply.Info;
            AnsiConsole.MarkupLineInterpolated($"[bold]{info.Provider}[/] versie {info.Version} ({info.Scale}; scoregebied {Range(info)})");
            AnsiConsole.MarkupLineInterpolated($"bron: {info.Source}");
            var table = new Table().AddColumns("vak", "toetsmoment", "op koers 1F", "op koers streef", "normgemiddelde", "norm-sd");
            foreach (var row in reply.Rows)
            {
                table.AddRow(
                    row.Subject.ToString().ToLowerInvariant(),
                    row.Moment.ToString(),
                    Number(row.Cut1F),
                    Number(row.CutTarget),
                    Number(row.NormMean),
                    Number(row.NormSd));
            }

            AnsiConsole.Write(table);
            if (info.Illustrative)
            {
                AnsiConsole.MarkupLine(IllustrativeWarning);
            }
        }));
        return command;
    }

    private static Command Register()
    {
        var file = new Argument<FileInfo>("file") { Description = "the table file: # provider/# source headers, then vak;toetsmoment;cut_1f;cut_streef[;norm_mean;norm_sd]" };
        var command = new Command("register", "Register a norm table: a new version of a provider's table, or a provider the product has never seen.") { file };
        command.SetAction((parse, ct) => CliRunner.RunAsync(async () =>
        {
            var path = parse.GetValue(file)!;
            if (!path.Exists)
            {
                throw new IOException($"{path.FullName}: no such file");
            }

            var client = new NormTables.NormTablesClient(Endpoints.Channel(parse, Endpoints.NormaliseOption));
            var reply = await client.RegisterNormTableAsync(
                new RegisterNormTableRequest { Csv = await File.ReadAllTextAsync(path.FullName, ct), Origin = path.Name },
                deadline: CliRunner.Deadline(), cancellationToken: ct);
            var t = reply.Table;
            AnsiConsole.MarkupLineInterpolated($"registered [bold]{t.Provider}[/] version {t.Version} ({t.Rows} rows). Stored values keep their version; re-normalise explicitly to use this one.");
            if (t.Illustrative)
            {
                AnsiConsole.MarkupLine("[yellow]note:[/] the file does not say '# illustrative: false', so its values are shown as illustrative.");
            }
        }));
        return command;
    }

    private static Command Renormalise()
    {
        var provider = new Option<string>("--provider") { Description = "the provider whose stored results move to its newest table (code or alias)", Required = true };
        var board = new Option<string?>("--board") { Description = "only this board's results (BGNR); default every board" };
        var command = new Command("renormalise", "Put a provider's stored LVS results on its newest norm table (all or nothing).") { provider, board };
        command.SetAction((parse, ct) => CliRunner.RunAsync(async () =>
        {
            var client = new Contracts.Ingest.V1.StoredNorms.StoredNormsClient(Endpoints.Channel(parse, Endpoints.IngestOption));
            // A provider's results on a national platform run into the millions: allow minutes, not seconds.
            var reply = await client.RenormaliseAsync(
                new Contracts.Ingest.V1.RenormaliseRequest { Provider = parse.GetValue(provider)!, Bgnr = parse.GetValue(board) ?? "" },
                deadline: CliRunner.Deadline(TimeSpan.FromMinutes(30)), cancellationToken: ct);
            AnsiConsole.MarkupLineInterpolated(
                $"[bold]{reply.Provider}[/]: {reply.Changed:N0} of {reply.Results:N0} stored results changed; all now carry table version {reply.TableVersion}.");
            if (reply.Boards.Count > 0)
            {
                AnsiConsole.MarkupLineInterpolated($"boards with new values (their forecasts are recomputed): {string.Join(", ", reply.Boards)}");
            }
        }));
        return command;
    }

    private static string Range(NormTableInfo t) =>
        double.IsNaN(t.ScoreMin) && double.IsNaN(t.ScoreMax) ? "–" : $"{Number(t.ScoreMin)}–{Number(t.ScoreMax)}";

    // The sources are paragraphs; the list shows their opening words and `show` the whole text.
    private static string Brief(string source) => source.Length <= 60 ? source : string.Concat(source.AsSpan(0, 57), "…");

    private static string Number(double value) => double.IsNaN(value) ? "–" : value.ToString("0.##", CultureInfo.InvariantCulture);
}
