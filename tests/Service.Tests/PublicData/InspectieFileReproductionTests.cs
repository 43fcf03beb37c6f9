using Uitstroom.Domain.Inspectie;
using Uitstroom.Domain.Vocabulary;
using Uitstroom.Ingest.PublicData;
using Uitstroom.Tests;
using Xunit.Abstractions;

namespace Uitstroom.Service.Tests.PublicData;

/// <summary>
/// Acceptance 1: the real Inspectie file, read by Ingest's reader and judged by the domain's rules, for every school.
/// </summary>
public class InspectieFileReproductionTests(ITestOutputHelper output)
{
    private const string FileName = "inspectie_leerresultaten_po_2023_2024_2025.csv";

    private static readonly Lazy<ParsedPublicFile> File = new(() =>
        PublicFileParser.Parse(System.IO.File.ReadAllBytes(SharedData.Duo(FileName)), FileName));

    [Fact]
    public void The_file_reads_as_6205_schools_over_three_outflow_years_with_no_row_rejected()
    {
        File.Value.Kind.ShouldBe(PublicFileKind.InspectieLeerresultaten);
        File.Value.Years.ShouldBe([new SchoolYear(2022), new SchoolYear(2023), new SchoolYear(2024)]);
        File.Value.Rejected.ShouldBeEmpty();
        File.Value.Rows.Count.ShouldBe(6205);
    }

    [Fact]
    public void Every_school_weighted_three_year_value_and_both_outcomes_are_reproduced()
    {
        var mismatches = new List<string>();
        int recomputed = 0, maskedPooled = 0;
        foreach (var row in File.Value.RowsOf<InspectieResultRow>())
        {
            var judgement = Judgement.Judge(Evidence(row), Signaleringswaarden.Judgement2025);
            var masked = row.Years.Any(y => y.Masked);
            if (masked)
            {
                // The years are hidden; the pooled value is the published one and cannot be recomputed.
                maskedPooled++;
            }
            else
            {
                recomputed++;
                Expect(mismatches, row, "%1F", judgement.Pooled?.PercentFundamental, row.PooledFundamental);
                Expect(mismatches, row, "%1S/2F", judgement.Pooled?.PercentTarget, row.PooledTarget);
                Expect(mismatches, row, "pupils", judgement.Pooled?.Pupils, row.Pupils);
            }

            Expect(mismatches, row, "outcome 1F", judgement.Fundamental.Outcome, row.OutcomeFundamental);
            Expect(mismatches, row, "outcome 1S/2F", judgement.Target.Outcome, row.OutcomeTarget);
            Expect(mismatches, row, "signaleringswaarde 1F", judgement.Fundamental.Signaleringswaarde, row.SignaleringswaardeFundamental);
            Expect(mismatches, row, "signaleringswaarde 1S/2F", judgement.Target.Signaleringswaarde, row.SignaleringswaardeTarget);
        }

        output.WriteLine($"{recomputed} schools' pooled values recomputed from the yearly columns; {maskedPooled} masked (pooled value as published); {mismatches.Count} mismatches");
        foreach (var m in mismatches.Take(20))
        {
            output.WriteLine(m);
        }

        mismatches.ShouldBeEmpty();
        recomputed.ShouldBeGreaterThan(5900);
    }

    [Theory]
    [InlineData("00AP|C1", 93.02, 51.94, Outcome.Boven, Outcome.Boven)]
    [InlineData("00AV|C1", 95.65, 37.68, Outcome.Boven, Outcome.Onder)]
    [InlineData("03DG|C1", 100, 78.57, Outcome.KleineSchool, Outcome.KleineSchool)]
    [InlineData("03LQ|C2", 94.56, 55.78, Outcome.TeWeinigGegevens, Outcome.TeWeinigGegevens)]
    [InlineData("08VG|C1", 99.03, 68.93, Outcome.Boven, Outcome.Boven)]
    [InlineData("16NS|C1", 86.93, 35.29, Outcome.Boven, Outcome.TeWeinigGegevens)]
    public void Schools_that_show_each_rule_come_out_as_published(string ovt, double fundamental, double target, Outcome outcome1F, Outcome outcome1S2F)
    {
        var row = File.Value.RowsOf<InspectieResultRow>().Single(r => r.Ovt.Value == ovt);

        var j = Judgement.Judge(Evidence(row), Signaleringswaarden.Judgement2025);

        j.Fundamental.Value.ShouldBe(fundamental);
        j.Target.Value.ShouldBe(target);
        j.Fundamental.Outcome.ShouldBe(outcome1F);
        j.Target.Outcome.ShouldBe(outcome1S2F);
    }

    /// <summary>The school-level evidence of one row: known years as counts, * as masked, empty as missing.</summary>
    internal static SchoolEvidence Evidence(InspectieResultRow row)
    {
        var years = new[] { new SchoolYear(2022), new SchoolYear(2023), new SchoolYear(2024) }.Select(y =>
            row.Years.SingleOrDefault(p => p.Year == y) switch
            {
                null => JudgedYear.Missing(y),
                { Masked: true } => JudgedYear.Masked(y),
                var p => JudgedYear.Known(YearTally.FromPublished(y, p.PercentFundamental!.Value, p.PercentTarget!.Value, p.Pupils!.Value)),
            }).ToList();
        Pooled? published = row is { PooledFundamental: { } f, PooledTarget: { } t, Pupils: { } n } ? new Pooled(3, n, 3 * n, f, t) : null;
        return new SchoolEvidence(years, row.Schoolweging, PublishedPooled: published);
    }

    private static void Expect<T>(List<string> mismatches, InspectieResultRow row, string what, T computed, T published)
    {
        if (!EqualityComparer<T>.Default.Equals(computed, published))
        {
            mismatches.Add($"{row.Ovt} (line {row.Line}): {what} computed {computed}, published {published}");
        }
    }
}
