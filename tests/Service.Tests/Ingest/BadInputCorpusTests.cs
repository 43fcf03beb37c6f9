using System.Text;

namespace Uitstroom.Service.Tests.Ingest;

/// <summary>
/// The classic ways an export goes wrong. Each gives a clear error naming the line (or the file's problem) and
/// leaves the store either unchanged or holding exactly the valid rows; none crashes or hangs.
/// </summary>
public sealed class BadInputCorpusTests
{
    private static async Task<(TestStore Store, ServiceHost<IngestProgram> Host, Grpc.Net.Client.GrpcChannel Channel)> StartAsync(string kind)
    {
        var store = await TestStore.CreateAsync(kind);
        var host = store.Host();
        var channel = host.Channel();
        (await channel.ImportAsync("scholen.csv", Files.Schools)).Report.Outcome.ShouldBe("committed");
        return (store, host, channel);
    }

    private static async Task<(ImportClient.Result Result, long Stored)> ImportAsync(string kind, byte[] bytes, string name = "lvs.csv")
    {
        var (store, host, channel) = await StartAsync(kind);
        await using var _ = store;
        await using var __ = host;
        var result = await channel.ImportAsync(name, bytes);
        return (result, await store.CountAsync("lvs_result") + await store.CountAsync("outflow_result"));
    }

    private static byte[] Utf8(string text) => new UTF8Encoding(false).GetBytes(text);

    [Theory]
    [MemberData(nameof(TestStore.Kinds), MemberType = typeof(TestStore))]
    public async Task An_empty_file_is_refused_as_empty(string kind)
    {
        var (result, stored) = await ImportAsync(kind, []);

        result.Report.Outcome.ShouldBe("refused");
        result.Report.Error.ShouldBe("the file is empty");
        stored.ShouldBe(0);
    }

    [Theory]
    [MemberData(nameof(TestStore.Kinds), MemberType = typeof(TestStore))]
    public async Task A_truncated_file_keeps_the_complete_rows_and_names_the_cut_line(string kind)
    {
        var text = Files.Lvs(Files.ValidLvs);
        var (result, stored) = await ImportAsync(kind, Utf8(text[..text.LastIndexOf(";CITO", StringComparison.Ordinal)]));

        result.Rejected.Single().Line.ShouldBe(4);
        result.Rejected.Single().Reason.ShouldContain("expected 12 fields, found 7 (a truncated line?)");
        stored.ShouldBe(2);
    }

    [Theory]
    [MemberData(nameof(TestStore.Kinds), MemberType = typeof(TestStore))]
    public async Task A_UTF16_file_is_refused_naming_the_encoding(string kind)
    {
        var (result, stored) = await ImportAsync(kind, Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(Files.Lvs(Files.ValidLvs))).ToArray());

        result.Report.Outcome.ShouldBe("refused");
        result.Report.Error.ShouldContain("UTF-16");
        stored.ShouldBe(0);
    }

    [Theory]
    [MemberData(nameof(TestStore.Kinds), MemberType = typeof(TestStore))]
    public async Task An_ISO_8859_1_file_and_a_UTF8_file_with_BOM_are_both_read(string kind)
    {
        var (store, host, channel) = await StartAsync(kind);
        await using var _ = store;
        await using var __ = host;
        var latin = "bestuur;brin;vestiging;naam;schoolweging\n41565;00AP;0;Café de Regenboog;31,47\n";

        var latinResult = await channel.ImportAsync("scholen-latin1.csv", Encoding.Latin1.GetBytes(latin));
        var bomResult = await channel.ImportAsync("lvs-bom.csv", Encoding.UTF8.GetPreamble().Concat(Utf8(Files.Lvs(Files.ValidLvs))).ToArray());
        var schools = await new Contracts.Ingest.V1.Registry.RegistryClient(channel).ListSchoolsAsync(new Contracts.Ingest.V1.ListSchoolsRequest { Bgnr = "41565" });

        latinResult.Report.Encoding.ShouldBe("iso-8859-1");
        schools.Schools.First(s => s.Vestiging == 0).Name.ShouldBe("Café de Regenboog");
        bomResult.Report.RowsAccepted.ShouldBe(4);
    }

    [Theory]
    [MemberData(nameof(TestStore.Kinds), MemberType = typeof(TestStore))]
    public async Task A_stray_quote_rejects_the_rows_it_swallows_and_keeps_the_rest(string kind)
    {
        var (result, stored) = await ImportAsync(kind, Utf8(Files.Lvs(
            Files.ValidLvs[0],
            "00AP;0;\"p2;2025-2026;6;M6;;CITO;spelling;240;70;II",
            Files.ValidLvs[1])));

        result.Rejected.Single().Line.ShouldBe(3);
        result.Rejected.Single().Reason.ShouldContain("unclosed quote");
        stored.ShouldBe(1);
    }

    [Theory]
    [MemberData(nameof(TestStore.Kinds), MemberType = typeof(TestStore))]
    public async Task A_comma_separated_file_with_quoted_decimal_commas_is_read(string kind)
    {
        var csv = Files.Lvs(Files.ValidLvs).Replace(";", ",", StringComparison.Ordinal).Replace(",231,5,", ",\"231,5\",", StringComparison.Ordinal);

        var (result, stored) = await ImportAsync(kind, Utf8(csv));

        result.Rejected.ShouldBeEmpty();
        stored.ShouldBe(4);
    }

    [Theory]
    [MemberData(nameof(TestStore.Kinds), MemberType = typeof(TestStore))]
    public async Task A_10_MB_line_is_rejected_by_its_length_and_the_other_rows_kept(string kind)
    {
        var huge = "00AP;0;p9;2025-2026;6;M6;;CITO;rekenen;" + new string('9', 10 * 1024 * 1024) + ";;";

        var (result, stored) = await ImportAsync(kind, Utf8(Files.Lvs(Files.ValidLvs[0], huge, Files.ValidLvs[1])));

        result.Rejected.Single().Line.ShouldBe(3);
        result.Rejected.Single().Reason.ShouldContain("characters long");
        stored.ShouldBe(2);
    }

    [Theory]
    [MemberData(nameof(TestStore.Kinds), MemberType = typeof(TestStore))]
    public async Task Duplicate_headers_refuse_the_file_naming_the_columns(string kind)
    {
        var (exact, stored1) = await ImportAsync(kind, Utf8("brin;brin;leerling_id;score\n00AP;00AP;p1;3\n"));
        var (alias, stored2) = await ImportAsync(kind, Utf8(Files.Lvs(Files.ValidLvs).Replace("score;", "score;vaardigheidsscore;", StringComparison.Ordinal)));

        exact.Report.Error.ShouldContain("duplicate column");
        alias.Report.Error.ShouldContain("'score' and 'vaardigheidsscore'");
        (stored1 + stored2).ShouldBe(0);
    }

    [Theory]
    [MemberData(nameof(TestStore.Kinds), MemberType = typeof(TestStore))]
    public async Task Columns_with_names_or_birth_dates_are_dropped_with_a_warning(string kind)
    {
        var csv = Files.Lvs(Files.ValidLvs)
            .Replace("leerling_id;", "leerling_id;roepnaam;geboortedatum;", StringComparison.Ordinal)
            .Replace(";p1;", ";p1;Aatje;2015-07-12;", StringComparison.Ordinal)
            .Replace(";p2;", ";p2;Bram;2015-03-01;", StringComparison.Ordinal)
            .Replace(";p3;", ";p3;Cas;2014-01-09;", StringComparison.Ordinal);

        var (result, stored) = await ImportAsync(kind, Utf8(csv));

        result.Report.Warnings.Count(w => w.Contains("personal data", StringComparison.Ordinal)).ShouldBe(2);
        stored.ShouldBe(4);
    }

    [Theory]
    [MemberData(nameof(TestStore.Kinds), MemberType = typeof(TestStore))]
    public async Task A_file_that_is_no_import_format_is_refused_saying_what_is_expected(string kind)
    {
        var (result, stored) = await ImportAsync(kind, Utf8("foo;bar\n1;2\n"));

        result.Report.Error.ShouldContain("is not one of the import formats");
        stored.ShouldBe(0);
    }

    [Theory]
    [MemberData(nameof(TestStore.Kinds), MemberType = typeof(TestStore))]
    public async Task Malformed_JSON_is_refused_with_its_line(string kind)
    {
        var (result, stored) = await ImportAsync(kind, Utf8("{\"leerlingresultaten\": [ {\"schooljaar\": \n"), "chain.json");

        result.Report.Outcome.ShouldBe("refused");
        result.Report.Error.ShouldContain("the JSON is malformed at line");
        stored.ShouldBe(0);
    }
}
