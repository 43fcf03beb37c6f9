using Uitstroom.Contracts.Predict.V1;

namespace Uitstroom.Service.Tests;

public class IndicatorsTests
{
    [Fact]
    public async Task Predict_serves_the_published_signaleringswaarden_with_their_source()
    {
        await using var host = new ServiceHost<PredictProgram>();
        using var channel = host.Channel();

        var reply = await new Indicators.IndicatorsClient(channel).GetSignaleringswaardenAsync(new GetSignaleringswaardenRequest());

        reply.FundamentalPercent.ShouldBe(85.0);
        reply.TargetBands.Count.ShouldBe(20);
        reply.TargetBands.First().ShouldBe(new SchoolwegingBand { Lower = 20, TargetPercent = 68.3 });
        reply.TargetBands.Last().ShouldBe(new SchoolwegingBand { Lower = 39, TargetPercent = 30.3 });
        reply.Source.ShouldContain("Inspectie");
    }
}
