using Dapper;
using Grpc.Core;
using Uitstroom.Contracts.Ingest.V1;
using Uitstroom.Contracts.Normalise.V1;
using Uitstroom.Service.Tests.Ingest;
using Uitstroom.Service.Tests.Normalise;

namespace Uitstroom.Service.Tests.EndToEnd;

/// <summary>
/// Re-normalising stored results with a provider's newest table, on both stores: only the provider's results (of
/// the board asked for) change, with their table version; a table that cannot place one of them changes nothing.
/// </summary>
public sealed class RenormaliseTests
{
    // A licensed CITO table replacing the shipped one, for the moments the stored results have.
    private const string CitoV2 = """
        # provider: CITO
        # source: licensed table (test)
        # illustrative: false
        vak;toetsmoment;cut_1f;cut_streef
        rekenen;M6;200;260
        lezen;M6;200;250
        taalverzorging;M6;210;250
        lezen;B8;230;280
        """;

    private sealed record Row(string Brin, string Provider, string Subject, double Score, double? Uniform, long? Version);

    private static async Task<List<Row>> RowsAsync(TestStore store)
    {
        await using var connection = await store.Factory.OpenAsync(CancellationToken.None);
        return [.. await connection.QueryAsync<Row>(
            "SELECT brin AS Brin, provider AS Provider, subject AS Subject, score AS Score, uniform AS Uniform, CAST(norm_version AS BIGINT) AS Version FROM lvs_result ORDER BY brin, provider, subject, score")];
    }

    [Theory]
    [MemberData(nameof(TestStore.Kinds), MemberType = typeof(TestStore))]
    public async Task Only_the_asked_providers_results_of_the_asked_board_move_to_the_newest_table_and_a_table_that_cannot_place_one_changes_nothing(string kind)
    {
        await using var store = await TestStore.CreateAsync(kind);
        using var tables = new TempFolder();
        await using var normalise = new ServiceHost<NormaliseProgram>(new Dictionary<string, string?> { ["Normalise:TablesPath"] = tables.Path });
        await using var ingest = new InMemoryServices.IngestHost(store.ConnectionString, normalise);
        using var channel = ingest.Channel();
        using var normaliseChannel = normalise.Channel();
        var norms = new NormTables.NormTablesClient(normaliseChannel);
        var client = new StoredNorms.StoredNormsClient(channel);
        (await channel.ImportAsync("scholen.csv", Files.Schools)).Report.Outcome.ShouldBe("committed");
        (await channel.ImportAsync("lvs.csv", Files.Lvs([.. Files.ValidLvs, "01BC;0;p4;2024-2025;8;B8;2024-10-14;CITO;lezen;250;;"])))
            .Report.Outcome.ShouldBe("committed");
        var imported = await RowsAsync(store);
        imported.ShouldAllBe(r => r.Version == 1);
        await norms.RegisterNormTableAsync(new RegisterNormTableRequest { Csv = CitoV2 });
        (await RowsAsync(store)).ShouldBe(imported);

        var board = await client.RenormaliseAsync(new RenormaliseRequest { Provider = "cito", Bgnr = "41565" });

        (board.Provider, board.TableVersion, board.Results, board.Changed).ShouldBe(("CITO", 2, 3L, 3L));
        board.Boards.ShouldBe(["41565"]);
        var after = await RowsAsync(store);
        after.Where(r => r.Brin == "00AP" && r.Provider == "CITO").Select(r => (r.Subject, r.Uniform, r.Version))
            .ShouldBe([("lezen", 156.0, 2L), ("rekenen", 152.5, 2L), ("taalverzorging", 175.0, 2L)]);
        // The other board's CITO result and the IEP result keep their values and version 1.
        after.Where(r => r.Brin == "01BC" || r.Provider == "IEP").ShouldBe(imported.Where(r => r.Brin == "01BC" || r.Provider == "IEP"));

        // Version 3 lacks the B8 row the other board's result needs (it has no percentile or band to fall back on):
        // the whole run is refused, nothing changes.
        await norms.RegisterNormTableAsync(new RegisterNormTableRequest { Csv = CitoV2.Replace("\nlezen;B8;230;280", "", StringComparison.Ordinal) });
        var e = await Should.ThrowAsync<RpcException>(() => client.RenormaliseAsync(new RenormaliseRequest { Provider = "CITO" }).ResponseAsync);
        e.StatusCode.ShouldBe(StatusCode.FailedPrecondition);
        e.Status.Detail.ShouldContain("no norm row for lezen B8");
        (await RowsAsync(store)).ShouldBe(after);
    }
}
