using Uitstroom.Domain.Norms;

namespace Uitstroom.Domain.Tests.Norms;

public class NormBandsTests
{
    [Theory]
    [InlineData("I", NormBand.I)]
    [InlineData(" iv ", NormBand.IV)]
    [InlineData("3", NormBand.III)]
    [InlineData("a", NormBand.A)]
    [InlineData("E", NormBand.E)]
    public void Bands_parse_as_exports_write_them(string text, NormBand band)
    {
        NormBands.TryParse(text, out var parsed).ShouldBeTrue();
        parsed.ShouldBe(band);
    }

    [Theory]
    [InlineData("")]
    [InlineData("VI")]
    [InlineData("F")]
    [InlineData(null)]
    public void Anything_else_is_not_a_band(string? text) => NormBands.TryParse(text, out _).ShouldBeFalse();

    [Fact]
    public void The_bands_hold_the_national_shares_they_are_defined_by()
    {
        var pupils = new SyntheticPupils(seed: 3);
        var roman = new Dictionary<NormBand, int>();
        var letters = new Dictionary<NormBand, int>();
        const int count = 100_000;
        for (var i = 0; i < count; i++)
        {
            var z = pupils.NextZ();
            roman[NormBands.Of(z, romanRuler: true)] = roman.GetValueOrDefault(NormBands.Of(z, romanRuler: true)) + 1;
            letters[NormBands.Of(z, romanRuler: false)] = letters.GetValueOrDefault(NormBands.Of(z, romanRuler: false)) + 1;
        }

        foreach (var band in new[] { NormBand.I, NormBand.II, NormBand.III, NormBand.IV, NormBand.V })
        {
            (roman[band] / (double)count).ShouldBe(0.20, 0.01, band.ToString());
        }

        (letters[NormBand.A] / (double)count).ShouldBe(0.25, 0.01);
        (letters[NormBand.C] / (double)count).ShouldBe(0.25, 0.01);
        (letters[NormBand.D] / (double)count).ShouldBe(0.15, 0.01);
        (letters[NormBand.E] / (double)count).ShouldBe(0.10, 0.01);
    }

    [Fact]
    public void A_higher_band_means_a_higher_expected_position()
    {
        NormBand[] roman = [NormBand.V, NormBand.IV, NormBand.III, NormBand.II, NormBand.I];
        NormBand[] letters = [NormBand.E, NormBand.D, NormBand.C, NormBand.B, NormBand.A];
        roman.Select(b => b.ExpectedZ()).ShouldBeInOrder(SortDirection.Ascending);
        letters.Select(b => b.ExpectedZ()).ShouldBeInOrder(SortDirection.Ascending);
        NormBand.III.ExpectedZ().ShouldBe(0, 1e-9);
    }
}
