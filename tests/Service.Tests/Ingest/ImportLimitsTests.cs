using System.Text;
using Grpc.Core;

namespace Uitstroom.Service.Tests.Ingest;

/// <summary>
/// Each limit of Ingest:Limits (docs/formats.md "Limits") refuses what exceeds it with an error that names the limit,
/// the setting that raises it and the line, and stores nothing it should not.
/// </summary>
public sealed class ImportLimitsTests
{
    private static async Task<(TestStore Store, ServiceHost<IngestProgram> Host, Grpc.Net.Client.GrpcChannel Channel)> StartAsync(
        string kind, string limit, long value)
    {
        var store = await TestStore.CreateAsync(kind);
        var host = store.Host(new Dictionary<string, string?> { [$"Ingest:Limits:{limit}"] = value.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        var channel = host.Channel();
        (await channel.ImportAsync("scholen.csv", Files.Schools)).Report.Outcome.ShouldBe("committed");
        return (store, host, channel);
    }

    private static byte[] Utf8(string text) => new UTF8Encoding(false).GetBytes(text);

    [Theory]
    [MemberData(nameof(TestStore.Kinds), MemberType = typeof(TestStore))]
    public async Task A_file_with_more_rows_than_an_import_may_have_is_refused_whole_naming_the_limit_and_the_line(string kind)
    {
        var (store, host, channel) = await StartAsync(kind, "MaxRowsPerImport", 3);
        await using var _ = store;
        await using var __ = host;

        var result = await channel.ImportAsync("lvs.csv", Files.Lvs(Files.ValidLvs));

        result.Report.Outcome.ShouldBe("refused");
        result.Report.Error.ShouldContain("line 5: the file has more than 3 rows");
        result.Report.Error.ShouldContain("Ingest:Limits:MaxRowsPerImport");
        (await store.CountAsync("lvs_result")).ShouldBe(0);
    }

    [Theory]
    [MemberData(nameof(TestStore.Kinds), MemberType = typeof(TestStore))]
    public async Task A_file_within_the_row_limit_is_imported_whole(string kind)
    {
        var (store, host, channel) = await StartAsync(kind, "MaxRowsPerImport", 4);
        await using var _ = store;
        await using var __ = host;

        var result = await channel.ImportAsync("lvs.csv", Files.Lvs(Files.ValidLvs));

        result.Report.Outcome.ShouldBe("committed");
        (await store.CountAsync("lvs_result")).ShouldBe(4);
    }

    [Theory]
    [MemberData(nameof(TestStore.Kinds), MemberType = typeof(TestStore))]
    public async Task A_row_longer_than_the_line_limit_is_rejected_naming_its_length_and_the_setting_and_the_rest_kept(string kind)
    {
        var (store, host, channel) = await StartAsync(kind, "MaxLineLength", 80);
        await using var _ = store;
        await using var __ = host;
        var longRow = "00AP;0;p9;2025-2026;6;M6;28-01-2026;CITO;rekenen;231,5;55;III" + new string(' ', 30);

        var result = await channel.ImportAsync("lvs.csv", Files.Lvs(Files.ValidLvs[0], longRow, Files.ValidLvs[1]));

        var rejected = result.Rejected.ShouldHaveSingleItem();
        rejected.Line.ShouldBe(3);
        rejected.Reason.ShouldBe("the row is 91 characters long; a row may be at most 80 (Ingest:Limits:MaxLineLength)");
        (await store.CountAsync("lvs_result")).ShouldBe(2);
    }

    [Theory]
    [MemberData(nameof(TestStore.Kinds), MemberType = typeof(TestStore))]
    public async Task A_field_longer_than_the_field_limit_is_rejected_naming_the_column_and_the_setting(string kind)
    {
        var (store, host, channel) = await StartAsync(kind, "MaxFieldLength", 20);
        await using var _ = store;
        await using var __ = host;
        var longId = "00AP;0;" + new string('p', 30) + ";2025-2026;6;M6;28-01-2026;CITO;rekenen;231,5;55;III";

        var result = await channel.ImportAsync("lvs.csv", Files.Lvs(longId, Files.ValidLvs[0]));

        var rejected = result.Rejected.ShouldHaveSingleItem();
        rejected.Line.ShouldBe(2);
        rejected.Reason.ShouldBe("field 'leerling_id' is 30 characters long; a field may be at most 20 (Ingest:Limits:MaxFieldLength)");
        (await store.CountAsync("lvs_result")).ShouldBe(1);
    }

    [Fact]
    public async Task An_upload_larger_than_the_file_limit_is_refused_while_it_arrives_and_stores_nothing()
    {
        var (store, host, channel) = await StartAsync(TestStore.Sqlite, "MaxFileBytes", 200);
        await using var _ = store;
        await using var __ = host;

        var e = await Should.ThrowAsync<RpcException>(() => channel.ImportAsync("lvs.csv", Utf8(Files.Lvs(Files.ValidLvs))));

        e.StatusCode.ShouldBe(StatusCode.ResourceExhausted);
        e.Status.Detail.ShouldContain("larger than 200 bytes");
        e.Status.Detail.ShouldContain("Ingest:Limits:MaxFileBytes");
        (await store.CountAsync("lvs_result")).ShouldBe(0);
    }

    [Fact]
    public async Task An_upload_chunk_larger_than_the_message_limit_is_refused_naming_the_setting()
    {
        var (store, host, channel) = await StartAsync(TestStore.Sqlite, "MaxChunkBytes", 1024);
        await using var _ = store;
        await using var __ = host;
        // The test client sends 64 KB chunks: a file of 3 KB goes as one chunk of 3 KB.
        var rows = Enumerable.Repeat(Files.ValidLvs[0], 50).Select((r, i) => r.Replace(";p1;", $";q{i};", StringComparison.Ordinal)).ToArray();

        var e = await Should.ThrowAsync<RpcException>(() => channel.ImportAsync("lvs.csv", Utf8(Files.Lvs(rows))));

        e.StatusCode.ShouldBe(StatusCode.ResourceExhausted);
        e.Status.Detail.ShouldContain("Ingest:Limits:MaxChunkBytes");
        (await store.CountAsync("lvs_result")).ShouldBe(0);
    }

    [Fact]
    public async Task A_limit_configured_as_zero_stops_the_service_at_start()
    {
        await using var store = await TestStore.CreateAsync(TestStore.Sqlite);
        await using var host = store.Host(new Dictionary<string, string?> { ["Ingest:Limits:MaxRowsPerImport"] = "0" });

        var e = Should.Throw<Microsoft.Extensions.Options.OptionsValidationException>(() => host.Channel());

        e.Message.ShouldContain("MaxRowsPerImport");
    }
}
