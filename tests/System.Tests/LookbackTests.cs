using System.Globalization;
using Aspire.Hosting.Testing;
using Google.Protobuf;
using Uitstroom.Contracts.Ingest.V1;
using Uitstroom.Contracts.Predict.V1;
using Uitstroom.Tests;

namespace Uitstroom.Stack.Tests;

/// <summary>
/// Acceptance 3, end to end on the running stack: the public files go into Ingest over gRPC exactly as
/// <c>uitstroom public import</c> sends them, and Predict's look-back of board 41565 equals the Inspectie's file.
/// </summary>
public class LookbackTests(StackFixture stack) : IClassFixture<StackFixture>
{
    private static readonly string[] Files =
    [
        "inspectie_leerresultaten_po_2023_2024_2025.csv",
        "inspectie_schoolweging_driejaarsgemiddelde_2122_2223_2324.csv",
        "duo_02_alle_schoolvestigingen_basisonderwijs.csv",
    ];

    [Fact]
    public async Task After_importing_the_public_files_the_look_back_of_board_41565_equals_the_Inspectie_file()
    {
        using var ingest = stack.Channel("ingest");
        var importer = new PublicData.PublicDataClient(ingest);
        foreach (var file in Files)
        {
            var summary = await ImportAsync(importer, file);
            summary.Rejected.ShouldBeEmpty(file);
        }

        using var predict = stack.Channel("predict");
        var board = await new Lookback.LookbackClient(predict)
            .GetBoardLookbackAsync(new GetBoardLookbackRequest { Bgnr = "41565" }, deadline: DateTime.UtcNow.AddSeconds(30));

        var published = PublishedRows();
        board.Schools.Count.ShouldBe(31);
        var compared = 0;
        foreach (var school in board.Schools.Where(s => published.ContainsKey(s.Ovt)))
        {
            var row = published[school.Ovt];
            school.Fundamental.Value.ToString("0.00", CultureInfo.InvariantCulture).ShouldBe(Number(row["Gewogen driejaarsgemiddelde %1F"]), school.Ovt);
            school.Target.Value.ToString("0.00", CultureInfo.InvariantCulture).ShouldBe(Number(row["Gewogen driejaarsgemiddelde %1S/2F"]), school.Ovt);
            school.Target.Signaleringswaarde.ToString("0.0", CultureInfo.InvariantCulture).ShouldBe(Number(row["Signaleringswaarde 1S/2F"], "0.0"), school.Ovt);
            school.Fundamental.OutcomeLabel.ShouldBe(row["Uitkomst indicator 1F"], school.Ovt);
            school.Target.OutcomeLabel.ShouldBe(row["Uitkomst indicator 1S/2F"], school.Ovt);
            compared++;
        }

        compared.ShouldBe(29);
        // The two schools the Inspectie file does not list (no results in 2023–2025) show as such.
        board.Schools.Where(s => !published.ContainsKey(s.Ovt)).ShouldAllBe(s => s.Fundamental.Outcome == "te_weinig_gegevens");
    }

    [Fact]
    public async Task The_command_line_imports_the_public_files_and_prints_the_look_back_of_board_41565_as_the_Inspectie_file()
    {
        var ingest = stack.App.GetEndpoint("ingest", "grpc").ToString();
        var predict = stack.App.GetEndpoint("predict", "grpc").ToString();

        var import = await CommandLine.RunAsync(["public", "import", "--ingest", ingest, .. Files.Select(SharedData.Duo)]);
        var lookback = await CommandLine.RunAsync(["lookback", "--board", "41565", "--format", "csv", "--predict", predict]);

        import.ExitCode.ShouldBe(0, import.Output);
        lookback.ExitCode.ShouldBe(0, lookback.Output);
        var lines = lookback.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var header = CsvLine.Split(lines[0]);
        var printed = lines.Skip(1).Select(CsvLine.Split).ToDictionary(c => c[header.IndexOf("ovt")], c => header.Zip(c).ToDictionary(p => p.First, p => p.Second));
        printed.Count.ShouldBe(31);
        var published = PublishedRows();
        foreach (var (ovt, row) in published.Where(p => printed.ContainsKey(p.Key)))
        {
            var school = printed[ovt];
            school["%1F"].ShouldBe(Number(row["Gewogen driejaarsgemiddelde %1F"]), ovt);
            school["%1S/2F"].ShouldBe(Number(row["Gewogen driejaarsgemiddelde %1S/2F"]), ovt);
            school["leerlingen 3 jaar"].ShouldBe(row["Totaal aantal leerlingen 3 jaar"], ovt);
            school["signaleringswaarde 1S/2F"].ShouldBe(Number(row["Signaleringswaarde 1S/2F"], "0.0"), ovt);
            school["uitkomst 1F"].ShouldBe(row["Uitkomst indicator 1F"], ovt);
            school["uitkomst 1S/2F"].ShouldBe(row["Uitkomst indicator 1S/2F"], ovt);
            school["%1F 2022-2023"].ShouldBe(Number(row["Gemiddelde %1F 2223"]), ovt);
        }

        published.Keys.Count(printed.ContainsKey).ShouldBe(29);
    }

    private static async Task<PublicImportSummary> ImportAsync(PublicData.PublicDataClient client, string file)
    {
        var content = await File.ReadAllBytesAsync(SharedData.Duo(file));
        using var call = client.Import(deadline: DateTime.UtcNow.AddMinutes(3));
        for (var offset = 0; offset < content.Length; offset += 256 * 1024)
        {
            await call.RequestStream.WriteAsync(new PublicFileChunk
            {
                FileName = offset == 0 ? file : "",
                Data = ByteString.CopyFrom(content, offset, Math.Min(256 * 1024, content.Length - offset)),
            });
        }

        await call.RequestStream.CompleteAsync();
        return await call;
    }

    private static string Number(string cell, string format = "0.00") =>
        double.Parse(cell, CultureInfo.InvariantCulture).ToString(format, CultureInfo.InvariantCulture);

    /// <summary>The Inspectie file read independently of Ingest's reader: a plain quote-aware split.</summary>
    private static Dictionary<string, Dictionary<string, string>> PublishedRows()
    {
        var lines = File.ReadAllLines(SharedData.Duo(Files[0]));
        var header = CsvLine.Split(lines[0]);
        return lines.Skip(1).Select(CsvLine.Split)
            .ToDictionary(cells => cells[0], cells => header.Zip(cells).ToDictionary(p => p.First, p => p.Second));
    }
}
