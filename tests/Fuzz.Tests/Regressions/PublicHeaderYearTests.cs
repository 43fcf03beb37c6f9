using System.Text;
using Uitstroom.Fuzz;

namespace Uitstroom.Fuzz.Tests.Regressions;

/// <summary>
/// A school year in a public file's header that does not parse (the fuzzer flipped "2022-2023" into "2061-2022")
/// refuses the file with a <see cref="Ingest.PublicData.PublicFileException"/> naming the file and the column.
/// </summary>
public sealed class PublicHeaderYearTests
{
    private static Verdict Run(ParserTarget target, string from, string to)
    {
        var text = Encoding.UTF8.GetString(target.Seeds[0]);
        text.ShouldContain(from);
        return target.Run(Encoding.UTF8.GetBytes(text.Replace(from, to, StringComparison.Ordinal)), TimeSpan.FromSeconds(20));
    }

    [Fact]
    public void A_bad_year_in_the_three_year_schoolweging_header_names_the_file_and_column()
    {
        var verdict = Run(Targets.Named("public-inspectie-schoolweging-3y"), "2022-2023", "2061-2022");

        verdict.Kind.ShouldBe(VerdictKind.Refused, verdict.ToString());
        verdict.Result!.Refused!.ShouldContain("inspectie_schoolweging_driejaarsgemiddelde_2122_2223_2324.csv: the header column");
        verdict.Result.Refused!.ShouldContain("'2061-2022'");
    }

    [Fact]
    public void A_bad_year_in_the_leerresultaten_header_names_the_file_and_column()
    {
        var verdict = Run(Targets.Named("public-inspectie-leerresultaten"), "Aantal leerlingen 2324", "Aantal leerlingen 2399");

        verdict.Kind.ShouldBe(VerdictKind.Refused, verdict.ToString());
        verdict.Result!.Refused!.ShouldContain("the header column 'Aantal leerlingen 2399' names no school year");
    }
}
