using Grpc.Core;
using Uitstroom.Contracts.Normalise.V1;

namespace Uitstroom.Service.Tests.Normalise;

/// <summary>Aliases travel with the tables (Ingest matches a file's aanbieder against them), so one name names one provider.</summary>
public sealed class ProviderAliasTests : IDisposable
{
    private readonly TempFolder _tables = new();

    public void Dispose() => _tables.Dispose();

    private static string Table(string provider, string aliases) => $"""
        # provider: {provider}
        # source: test
        # aliases: {aliases}
        vak;toetsmoment;cut_1f;cut_streef
        rekenen;M7;80;120
        """;

    [Fact]
    public async Task The_listed_tables_carry_their_aliases_and_an_alias_that_names_another_provider_is_refused()
    {
        await using var host = new ServiceHost<NormaliseProgram>(new Dictionary<string, string?> { ["Normalise:TablesPath"] = _tables.Path });
        using var channel = host.Channel();
        var client = new NormTables.NormTablesClient(channel);

        (await client.ListNormTablesAsync(new ListNormTablesRequest { Provider = "CITO" })).Tables.ShouldHaveSingleItem()
            .Aliases.ShouldBe(["CITO LOVS", "LEERLING IN BEELD"]);
        (await client.RegisterNormTableAsync(new RegisterNormTableRequest { Csv = Table("BOOM", "Boom LVS") })).Table.Aliases.ShouldBe(["BOOM LVS"]);

        var taken = await Should.ThrowAsync<RpcException>(() =>
            client.RegisterNormTableAsync(new RegisterNormTableRequest { Csv = Table("ROUTE8LVS", "leerling in beeld"), Origin = "route8.csv" }).ResponseAsync);
        taken.StatusCode.ShouldBe(StatusCode.InvalidArgument);
        taken.Status.Detail.ShouldBe("route8.csv: alias 'LEERLING IN BEELD' already names provider CITO");
        var code = await Should.ThrowAsync<RpcException>(() =>
            client.RegisterNormTableAsync(new RegisterNormTableRequest { Csv = Table("IEP", "BOOM"), Origin = "iep.csv" }).ResponseAsync);
        code.Status.Detail.ShouldBe("iep.csv: alias 'BOOM' already names provider BOOM");
        (await client.ListNormTablesAsync(new ListNormTablesRequest { Provider = "ROUTE8LVS" })).Tables.ShouldBeEmpty();
    }
}
