using System.Text;
using Grpc.Core;
using Microsoft.Data.Sqlite;
using Uitstroom.Contracts.Ingest.V1;
using PublicDataClient = Uitstroom.Contracts.Ingest.V1.PublicData.PublicDataClient;

namespace Uitstroom.Service.Tests.PublicData;

public sealed class PublicDataImportTests : IDisposable
{
    private readonly TempSqlite _db = new();

    public void Dispose() => _db.Dispose();

    private ServiceHost<IngestProgram> Host() =>
        new(new Dictionary<string, string?> { ["ConnectionStrings:store"] = _db.ConnectionString });

    [Fact]
    public async Task Each_public_file_is_recognised_by_its_header_and_imported_whole()
    {
        await using var host = Host();
        using var channel = host.Channel();
        var client = new PublicDataClient(channel);

        var summaries = new List<PublicImportSummary>();
        foreach (var file in PublicFiles.All)
        {
            summaries.Add(await PublicFiles.ImportAsync(client, file));
        }

        summaries.Select(s => (s.Kind, s.RowsAccepted, s.Rejected.Count)).ShouldBe(
        [
            ("inspectie_leerresultaten", 6205, 0),
            ("inspectie_schoolweging_driejaars", 6338, 0),
            ("inspectie_schoolweging_jaar", 6410, 0),
            ("duo_schoolvestigingen", 6109, 0),
            ("duo_referentieniveaus", 6122, 0),
        ]);
        summaries[0].SchoolYears.ShouldBe(["2022-2023", "2023-2024", "2024-2025"]);
        summaries[2].SchoolYears.ShouldBe(["2023-2024"]);
    }

    [Fact]
    public async Task Importing_the_same_file_twice_leaves_the_store_as_after_the_first_time()
    {
        await using var host = Host();
        using var channel = host.Channel();
        var client = new PublicDataClient(channel);
        foreach (var file in PublicFiles.All)
        {
            await PublicFiles.ImportAsync(client, file);
        }

        var first = await Snapshot();
        foreach (var file in PublicFiles.All)
        {
            await PublicFiles.ImportAsync(client, file);
        }

        (await Snapshot()).ShouldBe(first);
        first.ShouldAllBe(n => n > 0);
    }

    [Fact]
    public async Task A_board_published_results_come_back_with_masked_and_missing_years_kept_apart()
    {
        await using var host = Host();
        using var channel = host.Channel();
        var client = new PublicDataClient(channel);
        foreach (var file in PublicFiles.All)
        {
            await PublicFiles.ImportAsync(client, file);
        }

        var board = await client.GetPublishedResultsAsync(new GetPublishedResultsRequest { Bgnr = "41565" });
        var masked = await client.GetPublishedResultsAsync(new GetPublishedResultsRequest { Ovt = "00CV|C1" });
        var missing = await client.GetPublishedResultsAsync(new GetPublishedResultsRequest { Ovt = "03LQ|C2" });

        board.LatestSchoolYear.ShouldBe("2024-2025");
        board.Schools.Count.ShouldBe(31);
        board.Schools.Single(s => s.Ovt == "03BS|C1").Name.ShouldBe("Dr. M.L. Kingschool");
        masked.Schools.Single().Years.ShouldAllBe(y => y.Status == PublishedYearStatus.Masked);
        masked.Schools.Single().Judgement.PooledTarget.ShouldBe(62.75);
        missing.Schools.Single().Years.Select(y => y.SchoolYear).ShouldBe(["2023-2024", "2024-2025"]);
    }

    [Fact]
    public async Task A_DUO_count_masked_as_below_5_is_stored_as_the_range_1_to_4()
    {
        await using var host = Host();
        using var channel = host.Channel();
        await PublicFiles.ImportAsync(new PublicDataClient(channel), "duo_10_leerlingen_bo_referentieniveaus_2024-2025.csv");

        await using var c = new SqliteConnection(_db.ConnectionString);
        await c.OpenAsync();
        await using var q = c.CreateCommand();
        // 00AP 2024-2025: REKENEN_LAGER1F "<5", REKENEN_1F 7.
        q.CommandText = "SELECT level, count_low, count_high FROM duo_level_count WHERE brin = '00AP' AND school_year = 2024 AND subject = 'rekenen' ORDER BY level";
        var rows = new List<(string, long, long)>();
        await using var r = await q.ExecuteReaderAsync();
        while (await r.ReadAsync())
        {
            rows.Add((r.GetString(0), r.GetInt64(1), r.GetInt64(2)));
        }

        rows.ShouldContain(("L1F", 1L, 4L));
        rows.ShouldContain(("1F", 7L, 7L));
    }

    [Fact]
    public async Task A_bad_row_is_rejected_with_its_line_and_reason_and_the_good_rows_are_kept()
    {
        await using var host = Host();
        using var channel = host.Channel();
        var csv = """
            OVT,Naam,BGNR,"schoolweging 2021-2022, 2022-2023, 2023-2024"
            00AP|C1,WereldWijs,41646,31.47
            00AR,basisschool De Maasparel,41797,27.78
            00AV|C1,Een school,4x797,30.61
            00CV|C1,Nog een,41797,veertig
            00AP|C1,WereldWijs,41646,31.47
            """;

        var summary = await PublicFiles.ImportAsync(new PublicDataClient(channel), "schoolweging.csv", Encoding.UTF8.GetBytes(csv));

        summary.RowsAccepted.ShouldBe(1);
        summary.Rejected.Select(r => r.Line).ShouldBe([3, 4, 5, 6]);
        summary.Rejected[0].Reason.ShouldContain("OVT '00AR'");
        summary.Rejected[1].Reason.ShouldContain("4x797");
        summary.Rejected[2].Reason.ShouldContain("veertig");
        summary.Rejected[3].Reason.ShouldBe("OVT 00AP|C1 appears again (first on line 2)");
    }

    [Fact]
    public async Task A_file_of_an_unknown_kind_is_InvalidArgument_naming_the_file()
    {
        await using var host = Host();
        using var channel = host.Channel();

        var error = await Should.ThrowAsync<RpcException>(() =>
            PublicFiles.ImportAsync(new PublicDataClient(channel), "leerlingen.csv", Encoding.UTF8.GetBytes("naam,klas\nJan,8\n")));

        error.StatusCode.ShouldBe(StatusCode.InvalidArgument);
        error.Status.Detail.ShouldContain("leerlingen.csv");
    }

    [Fact]
    public async Task A_yearly_schoolweging_file_without_a_year_in_its_name_is_InvalidArgument_saying_how_to_name_it()
    {
        await using var host = Host();
        using var channel = host.Channel();

        var error = await Should.ThrowAsync<RpcException>(() => PublicFiles.ImportAsync(
            new PublicDataClient(channel), "schoolweging.csv",
            Encoding.UTF8.GetBytes("OVT,Naam,BGNR,schoolweging,aantal_leerlingen,spreiding\n00AP|C1,WereldWijs,41646,30.04,110,7.98\n")));

        error.StatusCode.ShouldBe(StatusCode.InvalidArgument);
        error.Status.Detail.ShouldContain("2023-2024");
    }

    [Fact]
    public async Task Published_results_of_an_unknown_board_are_NotFound()
    {
        await using var host = Host();
        using var channel = host.Channel();

        var error = await Should.ThrowAsync<RpcException>(async () =>
            await new PublicDataClient(channel).GetPublishedResultsAsync(new GetPublishedResultsRequest { Bgnr = "41565" }));

        error.StatusCode.ShouldBe(StatusCode.NotFound);
    }

    private async Task<long[]> Snapshot()
    {
        await using var c = new SqliteConnection(_db.ConnectionString);
        await c.OpenAsync();
        var counts = new List<long>();
        foreach (var table in new[] { "board", "school", "inspectie_school", "schoolweging_year", "published_year", "published_judgement", "duo_level_count" })
        {
            await using var q = c.CreateCommand();
            q.CommandText = $"SELECT COUNT(*) FROM {table}";
            counts.Add((long)(await q.ExecuteScalarAsync())!);
        }

        await using var linked = c.CreateCommand();
        linked.CommandText = "SELECT COUNT(*) FROM school WHERE ovt IS NOT NULL";
        counts.Add((long)(await linked.ExecuteScalarAsync())!);
        return [.. counts];
    }
}
