using Grpc.Core;
using Uitstroom.Contracts.Normalise.V1;

namespace Uitstroom.Service.Tests.Normalise;

public sealed class NormTablesTests : IDisposable
{
    private readonly TempFolder _tables = new();

    private ServiceHost<NormaliseProgram> Host() => new(new Dictionary<string, string?> { ["Normalise:TablesPath"] = _tables.Path });

    public void Dispose() => _tables.Dispose();

    [Fact]
    public async Task Normalise_lists_its_shipped_tables_each_with_a_source_and_filters_by_provider()
    {
        await using var host = Host();
        using var channel = host.Channel();
        var client = new NormTables.NormTablesClient(channel);

        var all = await client.ListNormTablesAsync(new ListNormTablesRequest());
        all.Tables.Select(t => t.Provider).ShouldBe(["CITO", "DIA", "IEP"]);
        all.Tables.ShouldAllBe(t => t.Source.Length > 0 && t.Rows > 0 && t.Illustrative && t.Shipped && t.HasNorms);
        all.Tables.Single(t => t.Provider == "CITO").Rows.ShouldBe(36);
        all.Tables.Single(t => t.Provider == "IEP").ScoreMax.ShouldBe(150);

        var iep = await client.ListNormTablesAsync(new ListNormTablesRequest { Provider = "iep" });
        iep.Tables.ShouldHaveSingleItem().Provider.ShouldBe("IEP");
    }

    [Fact]
    public async Task A_table_is_shown_with_its_rows_and_as_a_file_that_registers_again_as_the_next_version()
    {
        await using var host = Host();
        using var channel = host.Channel();
        var client = new NormTables.NormTablesClient(channel);

        var cito = await client.GetNormTableAsync(new GetNormTableRequest { Provider = "cito" });
        cito.Info.Version.ShouldBe(1);
        var m8 = cito.Rows.Single(r => r.Subject == Subject.Rekenen && r.Moment == TestMoment.M8);
        m8.Cut1F.ShouldBe(250);
        cito.Rows.ShouldContain(r => r.Moment == TestMoment.B8);

        var licensed = cito.Csv.Replace("# version: 1\n", "", StringComparison.Ordinal)
            .Replace("# illustrative: true", "# illustrative: false", StringComparison.Ordinal);
        var registered = await client.RegisterNormTableAsync(new RegisterNormTableRequest { Csv = licensed, Origin = "cito-licensed.csv" });
        registered.Table.Version.ShouldBe(2);
        registered.Table.Illustrative.ShouldBeFalse();
        registered.Table.Shipped.ShouldBeFalse();

        (await client.GetNormTableAsync(new GetNormTableRequest { Provider = "CITO" })).Info.Version.ShouldBe(2);
        (await client.GetNormTableAsync(new GetNormTableRequest { Provider = "CITO", Version = 1 })).Info.Illustrative.ShouldBeTrue();
    }

    [Fact]
    public async Task Asking_for_a_table_that_does_not_exist_is_NotFound_naming_it()
    {
        await using var host = Host();
        using var channel = host.Channel();
        var client = new NormTables.NormTablesClient(channel);

        var provider = await Should.ThrowAsync<RpcException>(() => client.GetNormTableAsync(new GetNormTableRequest { Provider = "ROUTE_8" }).ResponseAsync);
        provider.StatusCode.ShouldBe(StatusCode.NotFound);
        provider.Status.Detail.ShouldContain("ROUTE_8");

        var version = await Should.ThrowAsync<RpcException>(() => client.GetNormTableAsync(new GetNormTableRequest { Provider = "DIA", Version = 9 }).ResponseAsync);
        version.StatusCode.ShouldBe(StatusCode.NotFound);
        version.Status.Detail.ShouldBe("provider DIA has no norm table version 9");
    }
}
