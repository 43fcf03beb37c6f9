using System.CommandLine;
using Grpc.Core;
using Spectre.Console;
using Uitstroom.Contracts.Ingest.V1;

namespace Uitstroom.Cli.Commands;

/// <summary>
/// <c>uitstroom import FILE…</c>: uploads each file to Ingest with a progress bar and prints its import report.
/// Exit code 0 when every row of every file was accepted, 1 when rows were rejected, 2 when a file was refused.
/// </summary>
internal static class ImportCommand
{
    private const int ChunkSize = 1 << 20;
    private const int RejectionsShown = 25;

    public static Command Create()
    {
        var files = new Argument<FileInfo[]>("files") { Description = "LVS or outflow CSV, chain JSON (leerlingresultaat) or scholen.csv", Arity = ArgumentArity.OneOrMore };
        var strict = new Option<bool>("--strict") { Description = "all or nothing: store a file only when every row is valid" };
        var board = new Option<string?>("--board") { Description = "accept only rows of this board's schools (BGNR, e.g. 41565)" };
        var school = new Option<string?>("--school") { Description = "the school of a chain JSON file that names none (BRIN and vestiging, e.g. 00AP00)" };
        var reportFile = new Option<FileInfo?>("--report") { Description = "write every rejected row to this CSV file (file;line;json_path;reason)" };
        var command = new Command("import", "Import files into the store, with validation and an import report.") { files, strict, board, school, reportFile };
        command.SetAction(async (parse, ct) =>
        {
            var exit = 0;
            var rc = await CliRunner.RunAsync(async () =>
            {
                var client = new Imports.ImportsClient(Endpoints.Channel(parse, Endpoints.IngestOption));
                var start = new ImportStart
                {
                    Strict = parse.GetValue(strict),
                    Board = parse.GetValue(board) ?? "",
                    RequestedBy = $"{Environment.UserName}@{Environment.MachineName} (uitstroom import)",
                };
                if (parse.GetValue(school) is { Length: >= 4 } s)
                {
                    start.SchoolBrin = s[..4];
                    start.SchoolVestiging = s.Length > 4 ? int.Parse(s[4..]) : 0;
                }

                using var report = parse.GetValue(reportFile) is { } path ? new StreamWriter(path.FullName) : null;
                report?.WriteLine("file;line;json_path;reason");
                foreach (var file in parse.GetValue(files)!)
                {
                    var (summary, rejected) = await ImportOneAsync(client, file, start.Clone(), ct);
                    Print(summary, rejected);
                    foreach (var r in rejected)
                    {
                        report?.WriteLine($"{file.Name};{r.Line};{r.JsonPath};\"{r.Reason.Replace("\"", "\"\"", StringComparison.Ordinal)}\"");
                    }

                    exit = Math.Max(exit, summary.Outcome == "refused" ? 2 : summary.RowsRejected > 0 ? 1 : 0);
                }
            });
            return rc != 0 ? rc : exit;
        });
        return command;
    }

    private static async Task<(ImportReport Report, List<RejectedRow> Rejected)> ImportOneAsync(
        Imports.ImportsClient client, FileInfo file, ImportStart start, CancellationToken ct)
    {
        if (!file.Exists)
        {
            throw new IOException($"{file.FullName}: no such file");
        }

        start.FileName = file.Name;
        start.SizeBytes = file.Length;
        var rejected = new List<RejectedRow>();
        ImportReport? result = null;
        await AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .StartAsync(async progress =>
            {
                var upload = progress.AddTask($"{Markup.Escape(file.Name)}: upload", maxValue: Math.Max(1, file.Length));
                var import = progress.AddTask($"{Markup.Escape(file.Name)}: rows", autoStart: false, maxValue: 1);
                // No deadline: a national file takes minutes; Ctrl-C cancels and the service stores nothing.
                using var call = client.Import(cancellationToken: ct);
                var reading = Task.Run(async () =>
                {
                    await foreach (var e in call.ResponseStream.ReadAllAsync(ct))
                    {
                        switch (e.EventCase)
                        {
                            case ImportEvent.EventOneofCase.Progress when e.Progress.Stage == "import":
                                import.StartTask();
                                import.Description = $"{Markup.Escape(file.Name)}: {e.Progress.RowsRead:N0} rows, {e.Progress.RowsRejected:N0} rejected";
                                import.IsIndeterminate = true;
                                break;
                            case ImportEvent.EventOneofCase.Rejected:
                                rejected.AddRange(e.Rejected.Rows);
                                break;
                            case ImportEvent.EventOneofCase.Report:
                                result = e.Report;
                                break;
                        }
                    }
                }, ct);

                await call.RequestStream.WriteAsync(new ImportRequest { Start = start }, ct);
                await using (var stream = file.OpenRead())
                {
                    var buffer = new byte[ChunkSize];
                    int read;
                    while ((read = await stream.ReadAsync(buffer, ct)) > 0)
                    {
                        await call.RequestStream.WriteAsync(new ImportRequest { Chunk = Google.Protobuf.ByteString.CopyFrom(buffer, 0, read) }, ct);
                        upload.Increment(read);
                    }
                }

                await call.RequestStream.CompleteAsync();
                await reading;
                import.IsIndeterminate = false;
                import.Value = import.MaxValue;
            });
        return (result ?? throw new IOException($"{file.Name}: Ingest ended the import without a report"), rejected);
    }

    private static void Print(ImportReport r, List<RejectedRow> rejected)
    {
        var colour = r.Outcome == "refused" ? "red" : r.RowsRejected > 0 ? "yellow" : "green";
        AnsiConsole.MarkupLineInterpolated($"[bold]{r.FileName}[/] ({r.Format}, {r.Encoding}): [{colour}]{r.Outcome}[/], import {r.ImportId}");
        if (r.Error.Length > 0)
        {
            AnsiConsole.MarkupLineInterpolated($"  [red]error:[/] {r.Error}");
        }

        AnsiConsole.MarkupLineInterpolated(
            $"  {r.RowsRead:N0} rows read, {r.RowsAccepted:N0} accepted, {r.RowsRejected:N0} rejected, {r.RowsChanged:N0} changed in the store; boards {string.Join(", ", r.Boards)}");
        AnsiConsole.MarkupLineInterpolated($"  sha256 {r.ContentSha256}");
        foreach (var w in r.Warnings)
        {
            AnsiConsole.MarkupLineInterpolated($"  [yellow]warning:[/] {w}");
        }

        foreach (var x in rejected.Take(RejectionsShown))
        {
            AnsiConsole.MarkupLineInterpolated($"  {(x.JsonPath.Length > 0 ? x.JsonPath : $"line {x.Line}")}: {x.Reason}");
        }

        if (rejected.Count > RejectionsShown)
        {
            AnsiConsole.MarkupLineInterpolated($"  … and {rejected.Count - RejectionsShown:N0} more (use --report FILE for all)");
        }
    }
}
