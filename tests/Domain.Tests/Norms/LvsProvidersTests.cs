using Uitstroom.Domain.Norms;
using Uitstroom.Domain.Results;
using Uitstroom.Domain.Vocabulary;

namespace Uitstroom.Domain.Tests.Norms;

/// <summary>The LVS providers an import accepts are derived from norm tables: codes, aliases, score ranges.</summary>
public sealed class LvsProvidersTests
{
    private static NormTable Table(string text) => NormTableReader.Read(new StringReader(text), "test", defaultVersion: 1);

    [Fact]
    public void The_shipped_tables_give_CITO_its_aliases_and_every_provider_its_score_range()
    {
        var providers = LvsProviders.FromTables([ShippedTables.Cito, ShippedTables.Iep, ShippedTables.Dia]);

        providers.Codes.ShouldBe(["CITO", "DIA", "IEP"]);
        providers.TryFind("  Leerling in Beeld ", out var cito).ShouldBeTrue();
        cito.Code.ShouldBe("CITO");
        providers.TryFind("cito lovs", out _).ShouldBeTrue();
        providers.TryFind("iep", out var iep).ShouldBeTrue();
        (iep.Range.Contains(150), iep.Range.Contains(150.5), iep.Range.Contains(-1)).ShouldBe((true, false, false));
        providers.TryFind("BOOM", out _).ShouldBeFalse();
    }

    [Fact]
    public void The_newest_version_decides_the_range_and_a_table_without_one_accepts_any_score()
    {
        var v1 = Table("# provider: route_8\n# version: 1\n# source: s\n# score_max: 100\nvak;toetsmoment;cut_1f;cut_streef\nlezen;M8;1;2");
        var v2 = Table("# provider: ROUTE_8\n# version: 2\n# source: s\n# aliases: Route 8 LVS, route_8\nvak;toetsmoment;cut_1f;cut_streef\nlezen;M8;1;2");

        var providers = LvsProviders.FromTables([v2, v1]);

        v2.Aliases.ShouldBe(["ROUTE 8 LVS"]);
        providers.TryFind("route 8 lvs", out var route8).ShouldBeTrue();
        route8.Range.Contains(1e6).ShouldBeTrue();
        LvsProviders.FromTables([v1]).TryFind("ROUTE_8", out var old).ShouldBeTrue();
        old.Range.Contains(101).ShouldBeFalse();
    }

    [Fact]
    public void A_code_wins_over_another_providers_alias()
    {
        var providers = new LvsProviders([
            new LvsProvider("DIA", ["IEP"], ScoreRange.Unbounded),
            new LvsProvider("IEP", [], new ScoreRange(0, 150)),
        ]);

        providers.TryFind("IEP", out var iep).ShouldBeTrue();
        iep.Code.ShouldBe("IEP");
    }

    [Fact]
    public void An_alias_with_a_separator_or_quote_is_refused_naming_it() =>
        Should.Throw<DomainFormatException>(() => Table("# provider: b\n# source: s\n# aliases: a;b\nvak;toetsmoment;cut_1f;cut_streef\nlezen;M8;1;2"))
            .Message.ShouldContain("alias 'A;B' is not a valid provider name");
}
