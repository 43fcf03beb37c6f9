using Uitstroom.Domain.Norms;
using Uitstroom.Domain.Vocabulary;

namespace Uitstroom.Domain.Tests.Norms;

public class NormTableReaderTests
{
    private static NormTable Read(string text, int? defaultVersion = null) =>
        NormTableReader.Read(new StringReader(text), "boom.csv", defaultVersion);

    [Fact]
    public void A_table_of_cut_scores_only_reads_with_comma_or_semicolon_and_a_decimal_comma()
    {
        var semicolon = Read("""
            # provider: boom
            # source: Boom LVS cut scores, licensed
            # illustrative: false
            vak;toetsmoment;cut_1f;cut_streef
            rekenen;M6;41,5;55
            spelling;E7;60;70.25
            """, defaultVersion: 3);
        semicolon.Provider.ShouldBe("BOOM");
        semicolon.Version.ShouldBe(3);
        semicolon.Illustrative.ShouldBeFalse();
        semicolon.HasNorms.ShouldBeFalse();
        semicolon.Find(Subject.Rekenen, TestMoment.Parse("M6"))!.Fundamental.ShouldBe(41.5);
        semicolon.Find(Subject.Taalverzorging, TestMoment.Parse("E7"))!.Target.ShouldBe(70.25);

        var comma = Read("# provider: X\n# version: 2\n# source: s\nvak,toetsmoment,cut_1f,cut_streef\nlezen,M8,10.5,20\n");
        comma.Find(Subject.Lezen, TestMoment.Parse("M8"))!.Fundamental.ShouldBe(10.5);
    }

    [Theory]
    [InlineData("rekenen;M6;50;40", "line 4: cut_streef 40 must be above cut_1f 50")]
    [InlineData("rekenen;E8;40;50", "line 4: unknown toetsmoment 'E8'")]
    [InlineData("rekenenen;M6;40;50", "line 4: unknown subject 'rekenenen'")]
    [InlineData("rekenen;M6;veertig;50", "line 4: cut_1f 'veertig' is not a number")]
    [InlineData("rekenen;M6;40", "line 4: expected 4 fields, found 3")]
    [InlineData("rekenen;M6;40;50\nrekenen;M6;41;51", "line 5: rekenen M6 appears twice")]
    public void A_bad_row_is_refused_naming_the_line_and_the_reason(string rows, string message)
    {
        var e = Should.Throw<DomainFormatException>(() => Read($"# provider: boom\n# source: s\nvak;toetsmoment;cut_1f;cut_streef\n{rows}\n", 1));
        e.Message.ShouldContain($"boom.csv {message}");
    }

    [Theory]
    [InlineData("# source: s\nvak;toetsmoment;cut_1f;cut_streef\nlezen;M8;1;2", "header '# provider:' is missing")]
    [InlineData("# provider: b\nvak;toetsmoment;cut_1f;cut_streef\nlezen;M8;1;2", "header '# source:' is missing")]
    [InlineData("# provider: b c\n# source: s\nvak;toetsmoment;cut_1f;cut_streef\nlezen;M8;1;2", "provider 'B C' is not a valid code")]
    [InlineData("# provider: b\n# source: s\n# version: 0\nvak;toetsmoment;cut_1f;cut_streef\nlezen;M8;1;2", "'# version: 0' is not a positive whole number")]
    [InlineData("# provider: b\n# source: s\nvak;moment;cut_1f;cut_streef\nlezen;M8;1;2", "line 3: expected the header")]
    [InlineData("# provider: b\n# source: s\nvak;toetsmoment;cut_1f;cut_streef\n", "the table has no rows")]
    [InlineData("# provider: b\n# source: s\n# score_min: 10\n# score_max: 5\nvak;toetsmoment;cut_1f;cut_streef\nlezen;M8;1;2", "score_min 10 is not below score_max 5")]
    [InlineData("# provider: b\n# source: s\nvak;toetsmoment;cut_1f;cut_streef;norm_mean;norm_sd\nlezen;M8;1;2;3;0", "line 4: norm_sd 0 must be positive")]
    public void A_bad_table_is_refused_with_a_clear_reason(string text, string message) =>
        Should.Throw<DomainFormatException>(() => Read(text, 1)).Message.ShouldContain(message);

    [Theory]
    [InlineData("cito.csv")]
    [InlineData("iep.csv")]
    [InlineData("dia.csv")]
    public void Writing_a_table_and_reading_it_back_gives_the_same_table(string file)
    {
        var table = ShippedTables.Read(file);
        var again = NormTableReader.Read(new StringReader(NormTableWriter.Write(table)), "round trip");

        again.Cuts.ShouldBe(table.Cuts);
        again.Aliases.ShouldBe(table.Aliases);
        (again with { Cuts = table.Cuts, Aliases = table.Aliases }).ShouldBe(table);
        again.ScoreMin.ShouldBe(table.ScoreMin);
        again.Scale.ShouldBe(table.Scale);
    }
}
