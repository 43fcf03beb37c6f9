using Grpc.Core;
using Uitstroom.Contracts.Predict.V1;
using Uitstroom.Domain.Inspectie;

namespace Uitstroom.Predict.Services;

/// <summary>gRPC edge of the Inspectie's indicator rules.</summary>
public sealed class IndicatorsService(Signaleringswaarden signaleringswaarden) : Indicators.IndicatorsBase
{
    public override Task<GetSignaleringswaardenResponse> GetSignaleringswaarden(
        GetSignaleringswaardenRequest request, ServerCallContext context)
    {
        var s = signaleringswaarden;
        return Task.FromResult(new GetSignaleringswaardenResponse
        {
            FundamentalPercent = s.FundamentalPercent,
            TargetBands =
            {
                s.TargetPercentByBand.Select((p, i) => new SchoolwegingBand { Lower = s.LowestBand + i, TargetPercent = p }),
            },
            Source = s.Source,
            Published = s.Published.ToString("yyyy-MM-dd"),
        });
    }
}
