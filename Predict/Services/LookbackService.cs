using Grpc.Core;
using Uitstroom.Contracts.Ingest.V1;
using Uitstroom.Contracts.Predict.V1;
using Uitstroom.Domain.Inspectie;
using Uitstroom.Domain.Vocabulary;
using Uitstroom.Predict.Lookback;

namespace Uitstroom.Predict.Services;

/// <summary>gRPC edge of the look-back: fetches the published results from Ingest and judges them here.</summary>
public sealed class LookbackService(PublicData.PublicDataClient ingest, LookbackCalculator calculator, Signaleringswaarden signaleringswaarden)
    : Contracts.Predict.V1.Lookback.LookbackBase
{
    public override async Task<SchoolLookback> GetSchoolLookback(GetSchoolLookbackRequest request, ServerCallContext context)
    {
        var ovt = Ovt.Parse(request.Ovt);
        var published = await ingest.GetPublishedResultsAsync(
            new GetPublishedResultsRequest { Ovt = ovt.Value }, cancellationToken: context.CancellationToken);
        return calculator.Calculate(published.Schools.Single(), Latest(published));
    }

    public override async Task<BoardLookback> GetBoardLookback(GetBoardLookbackRequest request, ServerCallContext context)
    {
        var bgnr = BoardNumber.Parse(request.Bgnr);
        var published = await ingest.GetPublishedResultsAsync(
            new GetPublishedResultsRequest { Bgnr = bgnr }, cancellationToken: context.CancellationToken);
        var latest = Latest(published);
        return new BoardLookback
        {
            Bgnr = bgnr,
            Schools = { published.Schools.Select(s => calculator.Calculate(s, latest)) },
            SignaleringswaardenSource = signaleringswaarden.Source,
            SignaleringswaardenPublished = signaleringswaarden.Published.ToString("yyyy-MM-dd"),
        };
    }

    private static SchoolYear Latest(GetPublishedResultsResponse published) =>
        published.LatestSchoolYear is { Length: > 0 } y
            ? SchoolYear.Parse(y)
            : throw new RpcException(new Status(StatusCode.FailedPrecondition,
                "no published results are in the store yet; import the Inspectie's results file first (uitstroom public import)"));
}
