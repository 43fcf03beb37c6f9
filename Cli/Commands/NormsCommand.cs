using System.CommandLine;
using Spectre.Console;
using Uitstroom.Contracts.Normalise.V1;

namespace Uitstroom.Cli.Commands;

/// <summary><c>uitstroom norms</c>: the norm tables Normalise holds.</summary>
internal static class NormsCommand
{
    public static Command Create()
    {
        var provider = new Option<string?>("--provider") { Description = "only this provider (CITO, IEP, DIA, …)" };
        var list = new Command("list", "List the norm tables and where their numbers come from.") { provider };
        list.SetAction((parse, ct) => CliRunner.RunAsync(async () =>
        {
            var client = new NormTables.NormTablesClient(Endpoints.Channel(parse, Endpoints.NormaliseOption));
            var reply = await client.ListNormTablesAsync(
                new ListNormTablesRequest { Provider = parse.GetValue(provider) ?? "" }, deadline: CliRunner.Deadline(), cancellationToken: ct);
            var table = new Table().AddColumns("aanbieder", "versie", "rijen", "status", "bron");
            foreach (var t in reply.Tables)
            {
                table.AddRow(t.Provider, t.Version.ToString(), t.Rows.ToString(), t.Illustrative ? "[yellow]illustratief[/]" : "gelicentieerd", Markup.Escape(t.Source));
            }

            AnsiConsole.Write(table);
        }));
        return new Command("norms", "Norm tables: list, show, register.") { list };
    }
}
