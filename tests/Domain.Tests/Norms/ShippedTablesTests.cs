using Uitstroom.Domain.Norms;
using Uitstroom.Domain.Vocabulary;

namespace Uitstroom.Domain.Tests.Norms;

public class ShippedTablesTests
{
    public static TheoryData<string> Providers => ["cito.csv", "iep.csv", "dia.csv"];

    [Theory]
    [MemberData(nameof(Providers))]
    public void Every_shipped_table_covers_every_subject_at_every_moment_with_a_norm_and_a_valid_range(string file)
    {
        var table = ShippedTables.Read(file);
        var moments = TestMoment.All.Where(m => table.Provider == "CITO" || m.Kind != MomentKind.Begin).ToList();

        table.Cuts.Count.ShouldBe(moments.Count * 3);
        foreach (var subject in Subjects.All)
        {
            foreach (var moment in moments)
            {
                var cut = table.Find(subject, moment).ShouldNotBeNull($"{table.Provider} {subject} {moment}");
                cut.HasNorm.ShouldBeTrue();
                table.IsValidScore(cut.ScoreAt(-4)!.Value).ShouldBeTrue($"{table.Provider} {subject} {moment}: z -4 is in range");
                table.IsValidScore(cut.ScoreAt(4)!.Value).ShouldBeTrue($"{table.Provider} {subject} {moment}: z +4 is in range");
            }
        }

        table.Illustrative.ShouldBeTrue();
        table.Source.ShouldContain("ILLUSTRATIVE");
        table.ScoreMin.ShouldNotBeNull();
        table.ScoreMax.ShouldNotBeNull();
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void Every_shipped_row_puts_its_cuts_at_the_national_position_of_the_reference_levels(string file)
    {
        foreach (var cut in ShippedTables.Read(file).Cuts)
        {
            // Rounded to two decimals in the file: the z agrees to well under 0.01.
            cut.ZOf(cut.Fundamental)!.Value.ShouldBe(NationalNorms.FundamentalZ(cut.Subject), 0.005, $"{file} {cut.Subject} {cut.Moment}");
            cut.ZOf(cut.Target)!.Value.ShouldBe(NationalNorms.TargetZ(cut.Subject), 0.005, $"{file} {cut.Subject} {cut.Moment}");
        }
    }

    [Fact]
    public void The_public_anchors_are_kept_exactly()
    {
        var rekenenM8 = ShippedTables.Cito.Find(Subject.Rekenen, TestMoment.Parse("M8"))!;
        rekenenM8.Fundamental.ShouldBe(250);
        ShippedTables.Cito.Find(Subject.Rekenen, TestMoment.Parse("E6"))!.NormMean!.Value.ShouldBe(247, 0.01);

        foreach (var subject in Subjects.All)
        {
            var iep = ShippedTables.Iep.Find(subject, TestMoment.Parse("M8"))!;
            iep.Fundamental.ShouldBe(60);
            iep.Target.ShouldBe(80);
        }
    }

    [Fact]
    public void Scores_grow_with_the_groep_in_every_shipped_table()
    {
        foreach (var table in new[] { ShippedTables.Cito, ShippedTables.Iep, ShippedTables.Dia })
        {
            foreach (var subject in Subjects.All)
            {
                var means = table.Cuts.Where(c => c.Subject == subject).OrderBy(c => c.Moment).Select(c => c.NormMean!.Value).ToList();
                means.ShouldBe(means.Order().ToList(), $"{table.Provider} {subject}");
                means.Distinct().Count().ShouldBe(means.Count);
            }
        }
    }
}
