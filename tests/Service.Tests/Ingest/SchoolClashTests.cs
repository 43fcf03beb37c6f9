namespace Uitstroom.Service.Tests.Ingest;

/// <summary>
/// "Pupil in two schools at once" across imports: a later file that places a pupil at another school of the same
/// board for a year and moment the store already holds at the first school has those rows rejected with the line,
/// and the store keeps what it had; a corrected re-export that moves a pupil's results whole is accepted.
/// </summary>
public sealed class SchoolClashTests
{
    private static async Task<(TestStore Store, ServiceHost<IngestProgram> Host, Grpc.Net.Client.GrpcChannel Channel)> StartAsync(string kind)
    {
        var store = await TestStore.CreateAsync(kind);
        var host = store.Host();
        var channel = host.Channel();
        (await channel.ImportAsync("scholen.csv", Files.Schools)).Report.Outcome.ShouldBe("committed");
        return (store, host, channel);
    }

    [Theory]
    [MemberData(nameof(TestStore.Kinds), MemberType = typeof(TestStore))]
    public async Task A_pupil_the_store_holds_at_another_school_for_the_same_moment_is_rejected_by_line_and_the_rest_stored(string kind)
    {
        var (store, host, channel) = await StartAsync(kind);
        await using var _ = store;
        await using var __ = host;
        (await channel.ImportAsync("vestiging-0.csv", Files.Lvs(Files.ValidLvs[0], Files.ValidLvs[1]))).Report.Outcome.ShouldBe("committed");
        var before = await store.DumpAsync();

        // p1's rekenen and lezen for 2025-2026 M6 stay at vestiging 0; a spelling result at vestiging 1 clashes with them.
        var result = await channel.ImportAsync("vestiging-1.csv", Files.Lvs(
            "00AP;1;p7;2025-2026;6;M6;;CITO;spelling;240;70;II",
            "00AP;1;p1;2025-2026;6;M6;;CITO;spelling;240;70;II",
            "00AP;1;p1;2025-2026;7;M7;;CITO;spelling;250;70;II"));

        result.Report.Outcome.ShouldBe("committed");
        var rejected = result.Rejected.ShouldHaveSingleItem();
        rejected.Line.ShouldBe(3);
        rejected.Reason.ShouldStartWith("pupil in two schools at once: the store already places this pupil at 00AP vestiging 0 for 2025-2026 M6 (import 2)");
        result.Report.RowsAccepted.ShouldBe(2);
        (await store.CountAsync("lvs_result")).ShouldBe(4);
        var after = await store.DumpAsync();
        before.Split('\n').ShouldAllBe(row => after.Contains(row, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(TestStore.Kinds), MemberType = typeof(TestStore))]
    public async Task A_corrected_re_export_that_moves_all_of_a_moment_to_the_other_school_replaces_it(string kind)
    {
        var (store, host, channel) = await StartAsync(kind);
        await using var _ = store;
        await using var __ = host;
        (await channel.ImportAsync("vestiging-0.csv", Files.Lvs(Files.ValidLvs[0], Files.ValidLvs[1]))).Report.Outcome.ShouldBe("committed");

        var result = await channel.ImportAsync("corrected.csv", Files.Lvs(
            Files.ValidLvs[0].Replace("00AP;0;", "00AP;1;", StringComparison.Ordinal),
            Files.ValidLvs[1].Replace("00AP;0;", "00AP;1;", StringComparison.Ordinal)));

        result.Rejected.ShouldBeEmpty();
        result.Report.RowsChanged.ShouldBe(2);
        (await store.CountAsync("lvs_result")).ShouldBe(2);
    }

    [Theory]
    [MemberData(nameof(TestStore.Kinds), MemberType = typeof(TestStore))]
    public async Task A_strict_import_with_a_pupil_in_two_schools_stores_nothing(string kind)
    {
        var (store, host, channel) = await StartAsync(kind);
        await using var _ = store;
        await using var __ = host;
        (await channel.ImportAsync("vestiging-0.csv", Files.Lvs(Files.ValidLvs[0]))).Report.Outcome.ShouldBe("committed");

        var result = await channel.ImportAsync("vestiging-1.csv", Files.Lvs(
            "00AP;1;p7;2025-2026;6;M6;;CITO;spelling;240;70;II",
            "00AP;1;p1;2025-2026;6;M6;;CITO;spelling;240;70;II"), strict: true);

        result.Report.Outcome.ShouldBe("refused");
        result.Rejected.ShouldHaveSingleItem().Line.ShouldBe(3);
        (await store.CountAsync("lvs_result")).ShouldBe(1);
    }

    [Theory]
    [MemberData(nameof(TestStore.Kinds), MemberType = typeof(TestStore))]
    public async Task An_outflow_result_at_another_school_in_the_same_year_is_rejected(string kind)
    {
        var (store, host, channel) = await StartAsync(kind);
        await using var _ = store;
        await using var __ = host;
        const string header = "brin;vestiging;leerling_id;schooljaar;aanbieder;vak;referentieniveau";
        (await channel.ImportAsync("uitstroom-0.csv", header + "\n00AP;0;p1;2024-2025;ROUTE_8;rekenen;1F\n")).Report.Outcome.ShouldBe("committed");

        var result = await channel.ImportAsync("uitstroom-1.csv", header + "\n00AP;1;p1;2024-2025;ROUTE_8;lezen;2F\n00AP;1;p2;2024-2025;ROUTE_8;lezen;2F\n");

        var rejected = result.Rejected.ShouldHaveSingleItem();
        rejected.Line.ShouldBe(2);
        rejected.Reason.ShouldStartWith("pupil in two schools at once: the store already places this pupil at 00AP vestiging 0 for 2024-2025 (import 2)");
        (await store.CountAsync("outflow_result")).ShouldBe(2);
    }
}
