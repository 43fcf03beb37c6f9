using System.Text;
using Grpc.Core;
using Uitstroom.Contracts.Ingest.V1;
using Uitstroom.Domain.Vocabulary;

namespace Uitstroom.Service.Tests.Ingest;

/// <summary>Imports over gRPC into a real store; every test runs against SQLite and PostgreSQL.</summary>
public sealed class ImportTests
{
    private static async Task<(TestStore Store, ServiceHost<IngestProgram> Host, Grpc.Net.Client.GrpcChannel Channel)> StartAsync(string kind)
    {
        var store = await TestStore.CreateAsync(kind);
        var host = store.Host();
        var channel = host.Channel();
        var schools = await channel.ImportAsync("scholen.csv", Files.Schools);
        schools.Report.Outcome.ShouldBe("committed", schools.Report.Error);
        return (store, host, channel);
    }

    [Theory]
    [MemberData(nameof(TestStore.Kinds), MemberType = typeof(TestStore))]
    public async Task A_valid_LVS_file_is_stored_whole_and_reported_with_its_format_and_hash(string kind)
    {
        var (store, host, channel) = await StartAsync(kind);
        await using var _ = store;
        await using var __ = host;

        var result = await channel.ImportAsync("lvs.csv", Files.Lvs(Files.ValidLvs));

        result.Report.Outcome.ShouldBe("committed");
        result.Report.Format.ShouldBe("lvs-csv");
        result.Report.RowsAccepted.ShouldBe(4);
        result.Report.RowsRejected.ShouldBe(0);
        result.Report.ContentSha256.Length.ShouldBe(64);
        result.Report.Boards.ShouldBe(["41565"]);
        (await store.CountAsync("lvs_result")).ShouldBe(4);
    }

    [Theory]
    [MemberData(nameof(TestStore.Kinds), MemberType = typeof(TestStore))]
    public async Task The_registry_names_each_schools_provider_from_its_latest_school_year_when_asked(string kind)
    {
        var (store, host, channel) = await StartAsync(kind);
        await using var _ = store;
        await using var __ = host;
        // 00AP/0: three IEP results a year earlier, three CITO results in 2025-2026 — the latest year decides.
        var earlier = new[] { "p4", "p5", "p6" }.Select(p => $"00AP;0;{p};2024-2025;5;M5;2025-01-28;IEP;rekenen-wiskunde;60;;").ToArray();
        var result = await channel.ImportAsync("lvs.csv", Files.Lvs([.. Files.ValidLvs, .. earlier]));
        result.Report.RowsAccepted.ShouldBe(7, result.Report.Error);
        var registry = new Registry.RegistryClient(channel);

        var asked = await registry.ListSchoolsAsync(new ListSchoolsRequest { Bgnr = "41565", WithProvider = true });
        var plain = await registry.ListSchoolsAsync(new ListSchoolsRequest { Bgnr = "41565" });

        asked.Schools.Select(s => (s.Brin, s.Vestiging, s.Provider)).ShouldBe([("00AP", 0, "CITO"), ("00AP", 1, "IEP")]);
        plain.Schools.ShouldAllBe(s => s.Provider == "");
        (await registry.ListSchoolsAsync(new ListSchoolsRequest { Bgnr = "12345", WithProvider = true })).Schools.Single().Provider.ShouldBe("");
    }

    [Theory]
    [MemberData(nameof(TestStore.Kinds), MemberType = typeof(TestStore))]
    public async Task Importing_the_same_file_twice_leaves_identical_store_contents_and_the_generation_unchanged(string kind)
    {
        var (store, host, channel) = await StartAsync(kind);
        await using var _ = store;
        await using var __ = host;
        var generations = new PupilHistories.PupilHistoriesClient(channel);
        var file = Files.Lvs(Files.ValidLvs);

        await channel.ImportAsync("lvs.csv", file);
        var first = await store.DumpAsync();
        var generation = (await generations.GetDataGenerationAsync(new DataGenerationRequest { Bgnr = "41565" })).Generation;
        var again = await channel.ImportAsync("lvs.csv", file);

        again.Report.Outcome.ShouldBe("unchanged");
        again.Report.RowsChanged.ShouldBe(0);
        (await store.DumpAsync()).ShouldBe(first);
        (await generations.GetDataGenerationAsync(new DataGenerationRequest { Bgnr = "41565" })).Generation.ShouldBe(generation);
        (await store.CountAsync("import_audit")).ShouldBe(3);
    }

    [Theory]
    [MemberData(nameof(TestStore.Kinds), MemberType = typeof(TestStore))]
    public async Task A_corrected_re_export_replaces_what_it_corrects_and_advances_the_board_generation(string kind)
    {
        var (store, host, channel) = await StartAsync(kind);
        await using var _ = store;
        await using var __ = host;
        var generations = new PupilHistories.PupilHistoriesClient(channel);
        await channel.ImportAsync("lvs.csv", Files.Lvs(Files.ValidLvs));
        var before = (await generations.GetDataGenerationAsync(new DataGenerationRequest { Bgnr = "41565" })).Generation;

        var corrected = Files.ValidLvs.ToArray();
        corrected[0] = corrected[0].Replace("231,5", "233", StringComparison.Ordinal);
        var result = await channel.ImportAsync("lvs-corrected.csv", Files.Lvs(corrected));

        result.Report.Outcome.ShouldBe("committed");
        result.Report.RowsChanged.ShouldBe(1);
        (await store.CountAsync("lvs_result")).ShouldBe(4);
        (await store.DumpAsync()).ShouldContain("|233");
        (await generations.GetDataGenerationAsync(new DataGenerationRequest { Bgnr = "41565" })).Generation.ShouldBe(before + 1);
    }

    [Theory]
    [MemberData(nameof(TestStore.Kinds), MemberType = typeof(TestStore))]
    public async Task Each_invalid_row_is_rejected_with_its_line_and_reason_and_the_valid_rows_are_stored(string kind)
    {
        var (store, host, channel) = await StartAsync(kind);
        await using var _ = store;
        await using var __ = host;

        var result = await channel.ImportAsync("lvs.csv", Files.Lvs(
            "00AP;0;p1;2025-2026;6;M6;;CITO;rekenen;231;;",          // 2 valid
            "99ZZ;0;p2;2025-2026;6;M6;;CITO;rekenen;231;;",          // 3 unknown school
            "00AP;0;p3;2025-2026;6;M6;;CITO;gym;231;;",              // 4 unknown subject
            "00AP;0;p4;2025-2026;6;M6;;ACME;rekenen;231;;",          // 5 unknown provider
            "00AP;0;p5;2025-2026;6;M5;;CITO;rekenen;231;;",          // 6 moment impossible for the groep
            "00AP;0;p6;2025-2026;6;M6;;IEP;rekenen;999;;",           // 7 score outside the range
            "00AP;0;p1;2025-2026;6;M6;;CITO;rekenen;240;;",          // 8 conflicting duplicate of line 2
            "00AP;0;p7;2025-2026;6;M6;31-02-2026;CITO;rekenen;231;;", // 9 malformed date
            "00AP;1;p1;2025-2026;6;M6;;CITO;lezen;231;;",            // 10 two schools at once (line 2)
            "00AP;0;p1;2025-2026;6;M6;;CITO;rekenen;231;;"));        // 11 identical duplicate: accepted, stored once

        var reasons = result.Rejected.ToDictionary(r => r.Line, r => r.Reason);
        reasons.Keys.Order().ShouldBe([3, 4, 5, 6, 7, 8, 9, 10]);
        reasons[3].ShouldContain("unknown school 99ZZ");
        reasons[4].ShouldContain("unknown vak 'gym'");
        reasons[5].ShouldContain("unknown aanbieder 'ACME'");
        reasons[6].ShouldContain("toetsmoment M5 is impossible in groep 6");
        reasons[7].ShouldContain("outside IEP's range");
        reasons[8].ShouldContain("conflicting duplicate: line 2");
        reasons[9].ShouldContain("malformed afnamedatum '31-02-2026'");
        reasons[10].ShouldContain("two schools at once: line 2");
        result.Report.Outcome.ShouldBe("committed");
        result.Report.RowsAccepted.ShouldBe(2);
        (await store.CountAsync("lvs_result")).ShouldBe(1);
    }

    [Theory]
    [MemberData(nameof(TestStore.Kinds), MemberType = typeof(TestStore))]
    public async Task A_strict_import_with_one_bad_row_stores_nothing_and_is_audited_as_refused(string kind)
    {
        var (store, host, channel) = await StartAsync(kind);
        await using var _ = store;
        await using var __ = host;

        var result = await channel.ImportAsync("lvs.csv", Files.Lvs([.. Files.ValidLvs, "00AP;0;p9;2025-2026;6;M6;;CITO;gym;231;;"]), strict: true);

        result.Report.Outcome.ShouldBe("refused");
        result.Report.Error.ShouldContain("strict");
        result.Rejected.Single().Line.ShouldBe(6);
        (await store.CountAsync("lvs_result")).ShouldBe(0);
        (await store.CountAsync("import_audit")).ShouldBe(2);
    }

    [Theory]
    [MemberData(nameof(TestStore.Kinds), MemberType = typeof(TestStore))]
    public async Task An_upload_broken_off_midway_stores_nothing(string kind)
    {
        var (store, host, channel) = await StartAsync(kind);
        await using var _ = store;
        await using var __ = host;
        var bytes = Encoding.UTF8.GetBytes(Files.Lvs(Files.ValidLvs));

        using (var cts = new CancellationTokenSource())
        {
            using var call = new Imports.ImportsClient(channel).Import(cancellationToken: cts.Token);
            await call.RequestStream.WriteAsync(new ImportRequest { Start = new ImportStart { FileName = "lvs.csv" } });
            await call.RequestStream.WriteAsync(new ImportRequest { Chunk = Google.Protobuf.ByteString.CopyFrom(bytes[..(bytes.Length / 2)]) });
            await cts.CancelAsync();
            await Should.ThrowAsync<RpcException>(async () => await call.ResponseStream.MoveNext(CancellationToken.None));
        }

        // The server sees the cancellation asynchronously; give it a moment before looking.
        await Task.Delay(500);
        (await store.CountAsync("lvs_result")).ShouldBe(0);
        (await store.CountAsync("import_audit")).ShouldBe(1);
    }

    [Theory]
    [MemberData(nameof(TestStore.Kinds), MemberType = typeof(TestStore))]
    public async Task A_batch_abandoned_after_writing_rows_leaves_no_partial_batch(string kind)
    {
        // What a killed Ingest leaves: rows written inside the import's transaction, never committed.
        var (store, host, channel) = await StartAsync(kind);
        await using var _ = store;
        await using var __ = host;
        var imports = new Uitstroom.Ingest.Store.ImportStore(store.Factory);

        await using (var batch = await imports.BeginAsync(CancellationToken.None))
        {
            var result = new Uitstroom.Domain.Results.LvsResult(new SchoolId("00AP", 0), "p1", new SchoolYear(2025), 6,
                TestMoment.Parse("M6"), "CITO", Subject.Rekenen, 231, null, null, null, null);
            for (var i = 0; i < 1000; i++)
            {
                await batch.WriteLvsAsync($"key{i}", result, null, CancellationToken.None);
            }
        }

        (await store.CountAsync("lvs_result")).ShouldBe(0);
    }

    [Theory]
    [MemberData(nameof(TestStore.Kinds), MemberType = typeof(TestStore))]
    public async Task Pupil_keys_are_keyed_hashes_and_a_caller_gets_its_own_identifiers_back(string kind)
    {
        var (store, host, channel) = await StartAsync(kind);
        await using var _ = store;
        await using var __ = host;
        await channel.ImportAsync("lvs.csv", Files.Lvs(Files.ValidLvs));

        (await store.DumpAsync()).ShouldNotContain("p1|");
        var request = new HistoriesRequest { Bgnr = "41565", AsOf = "2026-07-31", SchoolPupilIds = { "p1" } };
        using var call = new PupilHistories.PupilHistoriesClient(channel).StreamHistories(request);
        var histories = await call.ResponseStream.ReadAllAsync().ToListAsync();

        histories.Count.ShouldBe(3);
        histories.ShouldAllBe(h => h.PupilKey.Length == 32 && h.Generation > 0);
        var p1 = histories.Single(h => h.SchoolPupilId == "p1");
        p1.Results.Count.ShouldBe(2);
        p1.Groep.ShouldBe(6);
        histories.Count(h => h.SchoolPupilId.Length > 0).ShouldBe(1);
    }

    [Theory]
    [MemberData(nameof(TestStore.Kinds), MemberType = typeof(TestStore))]
    public async Task Histories_as_of_a_date_hold_only_what_was_known_then(string kind)
    {
        var (store, host, channel) = await StartAsync(kind);
        await using var _ = store;
        await using var __ = host;
        await channel.ImportAsync("lvs.csv", Files.Lvs(Files.ValidLvs));

        using var call = new PupilHistories.PupilHistoriesClient(channel).StreamHistories(new HistoriesRequest { Brin = "00AP", Vestiging = 0, AsOf = "2026-01-29" });
        var histories = await call.ResponseStream.ReadAllAsync().ToListAsync();

        // p1 was tested on 28 January; p2's M6 counts from its typical date, 1 February.
        histories.Count.ShouldBe(1);
        histories[0].Results.Count.ShouldBe(2);
    }

    [Theory]
    [MemberData(nameof(TestStore.Kinds), MemberType = typeof(TestStore))]
    public async Task Outflow_CSV_and_chain_JSON_are_imported_and_missing_labels_named_by_JSON_path(string kind)
    {
        var (store, host, channel) = await StartAsync(kind);
        await using var _ = store;
        await using var __ = host;

        var csv = await channel.ImportAsync("doorstroom.csv", """
            brin;vestiging;leerling_id;schooljaar;aanbieder;vak;referentieniveau;ontheffing
            00AP;0;p8;2024-2025;ROUTE_8;rekenen;1S;nee
            00AP;0;p8;2024-2025;ROUTE_8;lezen;2F;nee
            00AP;0;p9;2024-2025;ROUTE_8;lezen;;ja
            00AP;0;p9;2024-2025;ROUTE_8;rekenen;2F;nee
            """);
        var json = await channel.ImportAsync("leerlingresultaat.json", """
            {"instellingscode":"00AP","vestigingscode":"00","leerlingresultaten":[
              {"schooljaar":"2024-2025","resultatenscores":{"deelnemerref":[{"label":"ECK-iD","onderwijsdeelnemerID":"p10"}],
               "toetsdefinitie":"ICE","resultaten":{"resultaten":[
                 {"label":"Toetsadvies","waarde":"vwo"},
                 {"label":"Referentieniveau","toetseenheid":"REKENEN","waarde":"1S"},
                 {"toetseenheid":"LEZEN","waarde":"1F"},
                 {"label":"Referentieniveau","toetseenheid":"TAALVERZORGING","waarde":"L1F"}]}}}]}
            """);

        csv.Report.Format.ShouldBe("outflow-csv");
        csv.Rejected.Single().Line.ShouldBe(5);
        csv.Rejected.Single().Reason.ShouldContain("2F does not exist for rekenen");
        json.Report.Format.ShouldBe("chain-json");
        json.Report.RowsAccepted.ShouldBe(2);
        json.Rejected.Single().JsonPath.ShouldBe("$.leerlingresultaten[0].resultatenscores.resultaten.resultaten[2]");
        json.Rejected.Single().Reason.ShouldBe("missing label");
        (await store.CountAsync("outflow_result")).ShouldBe(5);
    }

    [Theory]
    [MemberData(nameof(TestStore.Kinds), MemberType = typeof(TestStore))]
    public async Task A_stored_uniform_value_reaches_Predict_through_the_history_stream_and_its_mapping(string kind)
    {
        var (store, host, channel) = await StartAsync(kind);
        await using var _ = store;
        await using var __ = host;
        var imports = new Uitstroom.Ingest.Store.ImportStore(store.Factory);
        var result = new Uitstroom.Domain.Results.LvsResult(new SchoolId("00AP", 0), "p1", new SchoolYear(2025), 6,
            TestMoment.Parse("M6"), "CITO", Subject.Rekenen, 231, 40, "III", null, new DateOnly(2026, 1, 28));
        await using (var batch = await imports.BeginAsync(CancellationToken.None))
        {
            await batch.WriteLvsAsync("0123456789abcdef0123456789abcdef", result, new Uitstroom.Ingest.Importing.Normalised(150.5, 3), CancellationToken.None);
            (await batch.CommitAsync(new Uitstroom.Ingest.Store.ImportAudit("tests", DateTimeOffset.UtcNow, "direct", "lvs-csv", "", false, 1, 1, 0),
                ["41565"], CancellationToken.None)).ShouldBe("committed");
        }

        using var call = new PupilHistories.PupilHistoriesClient(channel).StreamHistories(new HistoriesRequest { Bgnr = "41565", AsOf = "2026-03-01" });
        var message = (await call.ResponseStream.ReadAllAsync().ToListAsync()).Single();
        var history = Uitstroom.Contracts.Mapping.PupilHistoryMapping.ToDomain(message);

        message.Results.Single().NormVersion.ShouldBe(3);
        history.Results.Single().Uniform.ShouldBe(150.5);
        history.Results.Single().Percentile.ShouldBe(40);
        history.Results.Single().TakenOn.ShouldBe(new DateOnly(2026, 1, 28));
        history.OutflowYear.ShouldBe(new SchoolYear(2027));
    }
}
