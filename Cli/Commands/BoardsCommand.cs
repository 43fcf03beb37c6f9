using System.CommandLine;
using Spectre.Console;
using Uitstroom.Contracts.Ingest.V1;

namespace Uitstroom.Cli.Commands;

/// <summary><c>uitstroom boards</c>: the boards in the registry, and with <c>--board</c> that board's schools.</summary>
internal static class BoardsCommand
{
    public static Command Create()
    {
        var board = new Option<string?>("--board") { Description = "list this board's schools (BGNR, e.g. 41565)" };
        var command = new Command("boards", "List the boards in the registry, or one board's schools.") { board };
        command.SetAction((parse, ct) => CliRunner.RunAsync(async () =>
        {
            var client = new Registry.RegistryClient(Endpoints.Channel(parse, Endpoints.IngestOption));
            if (parse.GetValue(board) is { } bgnr)
            {
                var schools = await client.ListSchoolsAsync(new ListSchoolsRequest { Bgnr = bgnr }, deadline: CliRunner.Deadline(), cancellationToken: ct);
                var table = new Table().AddColumns("BRIN", "vestiging", "OVT", "naam", "schoolweging");
                foreach (var s in schools.Schools)
                {
                    table.AddRow(s.Brin, s.Vestiging.ToString("00"), s.Ovt, Markup.Escape(s.Name), s.HasSchoolweging ? s.Schoolweging.ToString("0.00") : "–");
                }

                AnsiConsole.Write(table);
                return;
            }

            var boards = await client.ListBoardsAsync(new ListBoardsRequest(), deadline: CliRunner.Deadline(), cancellationToken: ct);
            var list = new Table().AddColumns("BGNR", "naam", "scholen");
            foreach (var b in boards.Boards)
            {
                list.AddRow(b.Bgnr, Markup.Escape(b.Name), b.SchoolCount.ToString());
            }

            AnsiConsole.Write(list);
        }));
        return command;
    }
}
