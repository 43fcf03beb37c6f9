using System.CommandLine;
using Google.Protobuf;
using Grpc.Core;
using Spectre.Console;
using Uitstroom.Contracts.Ingest.V1;

namespace Uitstroom.Cli.Commands;

/// <summary>
/// <c>uitstroom public import &lt;files…&gt;</c>: sends the Inspectie's and DUO's open-data files to Ingest, which
/// recognises each by its header. Every file is imported whole or not at all; rejected rows are listed by line.
/// </summary>
internal static class PublicCommand
{
    private const int ChunkBytes = 256 * 1024;
    private const int RejectedShown = 10;

    public static Command Create()
    {
        var files = new Argument<FileInfo[]>("files")
        {
            Description = "public files as published: inspectie_leerresultaten…, inspectie_schoolweging_<jaar>…, the driejaarsgemiddelde, DUO 10 referentieniveaus, DUO 02 schoolvestigingen",
            Arity = ArgumentArity.OneOrMore,
        };
        var import = new Command("import", "Import public files (Inspectie results and schoolweging, DUO counts and addresses).") { files };
        import.SetAction((parse, ct) => CliRunner.RunAsync(async () =>
        {
            var client = new PublicData.PublicDataClient(Endpoints.Channel(parse, Endpoints.IngestOption));
            var refused = 0;
            var summary = new Table().AddColumns("bestand", "soort", "schooljaren", "regels", "geaccepteerd", "geweigerd");
            var all = parse.GetValue(files)!;
            foreach (var file in all)
            {
                try
                {
                    var result = await ImportAsync(client, file, ct);
                    summary.AddRow(Markup.Escape(result.FileName), result.Kind, string.Join(" ", result.SchoolYears),
                        result.RowsRead.ToString(), result.RowsAccepted.ToString(),
                        result.Rejected.Count == 0 ? "0" : $"[yellow]{result.Rejected.Count}[/]");
                    foreach (var r in result.Rejected.Take(RejectedShown))
                    {
                        AnsiConsole.MarkupLineInterpolated($"[yellow]{result.FileName}, line {r.Line}:[/] {r.Reason}");
                    }

                    if (result.Rejected.Count > RejectedShown)
                    {
                        AnsiConsole.MarkupLineInterpolated($"[yellow]{result.FileName}: {result.Rejected.Count - RejectedShown} more rejected rows[/]");
                    }
                }
                catch (RpcException e) when (e.StatusCode is StatusCode.InvalidArgument or StatusCode.ResourceExhausted)
                {
                    refused++;
                    AnsiConsole.MarkupLineInterpolated($"[red]{file.Name}: refused:[/] {e.Status.Detail}");
                }
            }

            AnsiConsole.Write(summary);
            if (refused > 0)
            {
                throw new ArgumentException($"{refused} of {all.Length} files were refused; nothing of those was imported");
            }
        }));
        return new Command("public", "Public open data: the Inspectie's and DUO's published files.") { import };
    }

    private static async Task<PublicImportSummary> ImportAsync(PublicData.PublicDataClient client, FileInfo file, CancellationToken ct)
    {
        if (!file.Exists)
        {
            throw new IOException($"{file.FullName}: no such file");
        }

        using var call = client.Import(deadline: CliRunner.Deadline(TimeSpan.FromMinutes(5)), cancellationToken: ct);
        await using var stream = file.OpenRead();
        var buffer = new byte[ChunkBytes];
        var first = true;
        int read;
        while ((read = await stream.ReadAsync(buffer, ct)) > 0 || first)
        {
            await call.RequestStream.WriteAsync(new PublicFileChunk
            {
                FileName = first ? file.Name : "",
                Data = ByteString.CopyFrom(buffer, 0, read),
            }, ct);
            first = false;
        }

        await call.RequestStream.CompleteAsync();
        return await call;
    }
}
