using Uitstroom.Domain.Inspectie;
using static Uitstroom.Domain.Tests.Inspectie.Evidence;

namespace Uitstroom.Domain.Tests.Inspectie;

public class JudgementEdgeTests
{
    private static readonly Signaleringswaarden S = Signaleringswaarden.Judgement2025;

    [Fact]
    public void A_missing_year_gives_te_weinig_gegevens_for_both_indicators_yet_still_reports_the_pooled_value()
    {
        var evidence = new SchoolEvidence([JudgedYear.Missing(Y1), Year(Y2, 20, 60, 40), Year(Y3, 20, 57, 30)], 30.5);

        var j = Judgement.Judge(evidence, S);

        j.Fundamental.Outcome.ShouldBe(Outcome.TeWeinigGegevens);
        j.Target.Outcome.ShouldBe(Outcome.TeWeinigGegevens);
        j.Pooled!.Pupils.ShouldBe(40);
        j.Fundamental.Value.ShouldBe(97.5);
    }

    [Fact]
    public void A_missing_year_takes_precedence_over_the_small_school_rule()
    {
        var evidence = new SchoolEvidence([Year(Y1, 4, 12, 6), JudgedYear.Missing(Y2), Year(Y3, 5, 15, 9)], 30.5);

        Judgement.Judge(evidence, S).Target.Outcome.ShouldBe(Outcome.TeWeinigGegevens);
    }

    [Fact]
    public void Fourteen_pupils_over_three_years_is_a_small_school_and_fifteen_is_judged()
    {
        var fourteen = new SchoolEvidence([Year(Y1, 5, 15, 9), Year(Y2, 5, 15, 9), Year(Y3, 4, 12, 6)], 30.5);
        var fifteen = new SchoolEvidence([Year(Y1, 5, 15, 9), Year(Y2, 5, 15, 9), Year(Y3, 5, 15, 9)], 30.5);

        var small = Judgement.Judge(fourteen, S);
        var judged = Judgement.Judge(fifteen, S);

        small.Fundamental.Outcome.ShouldBe(Outcome.KleineSchool);
        small.Target.Outcome.ShouldBe(Outcome.KleineSchool);
        small.Fundamental.FiveYear.ShouldBeNull();
        judged.Fundamental.Outcome.ShouldBe(Outcome.Boven);
        judged.Target.Outcome.ShouldBe(Outcome.Boven);
    }

    [Fact]
    public void A_small_school_with_five_known_years_and_at_least_fifteen_pupils_gets_a_five_year_verdict()
    {
        var evidence = new SchoolEvidence(
            [Year(Y1, 4, 12, 3), Year(Y2, 5, 15, 3), Year(Y3, 5, 15, 3)], 30.5,
            [Year(new(2020), 3, 9, 3), Year(new(2021), 3, 9, 3)]);

        var j = Judgement.Judge(evidence, S);

        j.Target.Outcome.ShouldBe(Outcome.KleineSchool);
        j.FiveYearPooled!.Pupils.ShouldBe(20);
        // 15 of 60 results at the target level = 25.00 < 45.5 (band 30).
        j.FiveYearPooled.PercentTarget.ShouldBe(25.0);
        j.Target.FiveYear.ShouldBe(Outcome.Onder);
        j.Fundamental.FiveYear.ShouldBe(Outcome.Boven);
    }

    [Fact]
    public void A_small_school_with_a_missing_earlier_year_gets_no_five_year_verdict()
    {
        var evidence = new SchoolEvidence(
            [Year(Y1, 4, 12, 3), Year(Y2, 5, 15, 3), Year(Y3, 5, 15, 3)], 30.5,
            [JudgedYear.Missing(new(2020)), Year(new(2021), 8, 24, 3)]);

        Judgement.Judge(evidence, S).Target.FiveYear.ShouldBeNull();
    }

    [Fact]
    public void A_value_exactly_at_the_signaleringswaarde_is_boven_and_one_hundredth_below_is_onder()
    {
        // 20 pupils a year: 60 results a year, 180 in all; 153 of 180 = 85.00 %, 152 of 180 = 84.44 %.
        var at = Judgement.Judge(ThreeYears(20, 51, 40), S);
        var below = Judgement.Judge(new SchoolEvidence([Year(Y1, 20, 51, 40), Year(Y2, 20, 51, 40), Year(Y3, 20, 50, 40)], 30.5), S);

        at.Fundamental.Value.ShouldBe(85.0);
        at.Fundamental.Outcome.ShouldBe(Outcome.Boven);
        below.Fundamental.Value.ShouldBe(84.44);
        below.Fundamental.Outcome.ShouldBe(Outcome.Onder);
        Judgement.Compare(84.99, 85).ShouldBe(Outcome.Onder);
        Judgement.Compare(85.00, 85).ShouldBe(Outcome.Boven);
    }

    [Fact]
    public void The_1S2F_value_exactly_at_the_band_signaleringswaarde_is_boven()
    {
        // Band 30 → 45.5. 200 pupils a year, 600 results: 273 of 600 = 45.50 %.
        var j = Judgement.Judge(ThreeYears(200, 600, 273, schoolweging: 30.2), S);

        j.Target.Signaleringswaarde.ShouldBe(45.5);
        j.Target.Value.ShouldBe(45.5);
        j.Target.Outcome.ShouldBe(Outcome.Boven);
    }

    [Fact]
    public void A_schoolweging_of_29_999_falls_in_band_29_and_30_0_in_band_30()
    {
        // 47.10 % at the target level: boven in band 29 (47.1), and also in band 30 (45.5); 46.00 % splits them.
        var evidence29 = ThreeYears(100, 300, 138, schoolweging: 29.999);
        var evidence30 = ThreeYears(100, 300, 138, schoolweging: 30.0);

        var j29 = Judgement.Judge(evidence29, S);
        var j30 = Judgement.Judge(evidence30, S);

        j29.SchoolwegingBand.ShouldBe(29);
        j30.SchoolwegingBand.ShouldBe(30);
        j29.Target.Value.ShouldBe(46.0);
        j29.Target.Signaleringswaarde.ShouldBe(47.1);
        j29.Target.Outcome.ShouldBe(Outcome.Onder);
        j30.Target.Signaleringswaarde.ShouldBe(45.5);
        j30.Target.Outcome.ShouldBe(Outcome.Boven);
    }

    [Theory]
    [InlineData(19.5, 20, 68.3)]
    [InlineData(20.0, 20, 68.3)]
    [InlineData(39.99, 39, 30.3)]
    [InlineData(40.0, 39, 30.3)]
    public void Schoolwegingen_at_the_ends_of_the_scale_take_the_nearest_published_band(double schoolweging, int band, double percent)
    {
        S.Band(schoolweging).ShouldBe(band);
        S.TargetPercent(schoolweging).ShouldBe(percent);
    }

    [Fact]
    public void A_year_in_which_every_pupil_is_exempted_counts_as_missing()
    {
        var exempted = JudgedYear.Known(new YearTally(Y2, 0, 0, 0, 0));
        var evidence = new SchoolEvidence([Year(Y1, 20, 60, 40), exempted, Year(Y3, 20, 60, 40)], 30.5);

        exempted.Status.ShouldBe(YearStatus.Missing);
        Judgement.Judge(evidence, S).Fundamental.Outcome.ShouldBe(Outcome.TeWeinigGegevens);
    }

    [Fact]
    public void Without_a_schoolweging_1S2F_is_boven_only_above_every_band_and_otherwise_te_weinig_gegevens()
    {
        // As 08VG|C1 (68.93, boven) and 16NS|C1 (35.29, te weinig gegevens) in the 2025 file.
        var high = Judgement.Judge(ThreeYears(100, 300, 207, schoolweging: null), S);
        var middle = Judgement.Judge(ThreeYears(100, 300, 106, schoolweging: null), S);

        high.Target.Value.ShouldBe(69.0);
        high.Target.Signaleringswaarde.ShouldBeNull();
        high.Target.Outcome.ShouldBe(Outcome.Boven);
        middle.Target.Outcome.ShouldBe(Outcome.TeWeinigGegevens);
        middle.Fundamental.Outcome.ShouldBe(Outcome.Boven);
    }

    [Fact]
    public void Masked_years_are_judged_on_the_published_pooled_value()
    {
        var published = new Pooled(3, 24, 72, 98.61, 56.94);
        var evidence = new SchoolEvidence([JudgedYear.Masked(Y1), JudgedYear.Masked(Y2), JudgedYear.Masked(Y3)], 27.67, PublishedPooled: published);

        var j = Judgement.Judge(evidence, S);

        j.Target.Value.ShouldBe(56.94);
        j.Target.Outcome.ShouldBe(Outcome.Boven);
    }

    [Fact]
    public void Masked_years_without_a_published_total_count_as_a_small_school()
    {
        var evidence = new SchoolEvidence([JudgedYear.Masked(Y1), JudgedYear.Masked(Y2), JudgedYear.Masked(Y3)], 34.84);

        Judgement.Judge(evidence, S).Fundamental.Outcome.ShouldBe(Outcome.KleineSchool);
    }

    [Fact]
    public void The_judgement_refuses_anything_but_three_years()
    {
        Should.Throw<ArgumentException>(() => Judgement.Judge(new SchoolEvidence([Year(Y1, 20, 60, 40)], 30), S))
            .Message.ShouldContain("exactly 3");
    }
}
