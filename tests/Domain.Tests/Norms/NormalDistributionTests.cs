using Uitstroom.Domain.Norms;

namespace Uitstroom.Domain.Tests.Norms;

public class NormalDistributionTests
{
    [Theory]
    [InlineData(0.0, 0.5)]
    [InlineData(1.0, 0.841344746)]
    [InlineData(-1.959963985, 0.025)]
    [InlineData(3.0, 0.998650102)]
    [InlineData(-4.0, 0.0000316712)]
    public void The_cdf_matches_published_values(double z, double p) =>
        NormalDistribution.Cdf(z).ShouldBe(p, 2e-7);

    [Fact]
    public void The_inverse_cdf_undoes_the_cdf_across_the_percentile_range()
    {
        for (var p = 0.001; p < 1; p += 0.001)
        {
            NormalDistribution.Cdf(NormalDistribution.InverseCdf(p)).ShouldBe(p, 1e-6);
        }
    }

    [Fact]
    public void The_mean_of_the_top_fifth_is_the_textbook_1_40()
    {
        NormalDistribution.TruncatedMean(NormalDistribution.InverseCdf(0.8), double.PositiveInfinity).ShouldBe(1.3998, 1e-3);
        NormalDistribution.TruncatedMean(double.NegativeInfinity, double.PositiveInfinity).ShouldBe(0, 1e-12);
    }
}
