using Uitstroom.Domain.Inspectie;
using Uitstroom.Domain.Vocabulary;

namespace Uitstroom.Domain.Tests.Inspectie;

public class OutcomeTests
{
    [Theory]
    [InlineData("Boven de signaleringswaarde", Outcome.Boven)]
    [InlineData("Onder de signaleringswaarde", Outcome.Onder)]
    [InlineData("Kleine school - Beoordeling over 5 jaar", Outcome.KleineSchool)]
    [InlineData("kleine school – beoordeling over 5 jaar", Outcome.KleineSchool)]
    [InlineData("Te weinig gegevens", Outcome.TeWeinigGegevens)]
    [InlineData("te_weinig_gegevens", Outcome.TeWeinigGegevens)]
    public void The_published_labels_and_the_short_codes_parse(string label, Outcome outcome)
    {
        Outcomes.Parse(label).ShouldBe(outcome);
        Outcomes.Parse(outcome.Label()).ShouldBe(outcome);
        Outcomes.Parse(outcome.Code()).ShouldBe(outcome);
    }

    [Fact]
    public void An_unknown_label_is_refused_naming_it_and_the_labels_that_exist()
    {
        var e = Should.Throw<DomainFormatException>(() => Outcomes.Parse("Voldoende"));

        e.Message.ShouldContain("'Voldoende'");
        e.Message.ShouldContain("Boven de signaleringswaarde");
    }

    [Fact]
    public void The_signaleringswaarden_carry_their_source_and_date()
    {
        var s = Signaleringswaarden.Judgement2025;

        s.Source.ShouldContain("Inspectie");
        s.Published.ShouldBe(new DateOnly(2025, 9, 26));
        s.FundamentalPercent.ShouldBe(85);
        s.TargetPercentByBand.Count.ShouldBe(20);
    }
}
