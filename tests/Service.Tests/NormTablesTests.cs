using Uitstroom.Contracts.Normalise.V1;

namespace Uitstroom.Service.Tests;

public class NormTablesTests
{
    [Fact]
    public async Task Normalise_lists_its_shipped_tables_each_with_a_source_and_filters_by_provider()
    {
        await using var host = new ServiceHost<NormaliseProgram>();
        using var channel = host.Channel();
        var client = new NormTables.NormTablesClient(channel);

        var all = await client.ListNormTablesAsync(new ListNormTablesRequest());
        all.Tables.ShouldNotBeEmpty();
        all.Tables.ShouldAllBe(t => t.Source.Length > 0 && t.Rows > 0);

        var iep = await client.ListNormTablesAsync(new ListNormTablesRequest { Provider = "iep" });
        iep.Tables.ShouldAllBe(t => t.Provider == "IEP");
        iep.Tables.ShouldNotBeEmpty();
    }
}
