using Grpc.Core;
using Uitstroom.Contracts.Ingest.V1;
using Uitstroom.Contracts.Predict.V1;
using Uitstroom.Domain.Inspectie;
using Uitstroom.Domain.Vocabulary;
using Uitstroom.Predict.Lookback;
using Uitstroom.ServiceDefaults.Auth;

namespace Uitstroom.Predict.Services;

/// <summary>
/// gRPC edge of the look-back: fetches the published results, the board's schools and its pupils' outflow results
/// from Ingest and judges them here. Published years stay the source where the Inspectie has them; the pupils'
/// own results fill in the rest, so a board the Inspectie never published (the fictional demo board, a new school)
/// still has its look-back.
/// </summary>
public sealed class LookbackService(
    PublicData.PublicDataClient ingest,
    Registry.RegistryClient registry,
    PupilHistories.PupilHistoriesClient histories,
    LookbackCalculator calculator,
    Signaleringswaarden signaleringswaarden,
    TimeProvider clock,
    SchoolAccess access)
    : Contracts.Predict.V1.Lookback.LookbackBase
{
    public override async Task<SchoolLookback> GetSchoolLookback(GetSchoolLookbackRequest request, ServerCallContext context)
    {
        await access.RequireOvtAsync(context, request.Ovt);
        var ovt = Ovt.Parse(request.Ovt);
        var published = await ingest.GetPublishedResultsAsync(
            new GetPublishedResultsRequest { Ovt = ovt.Value }, cancellationToken: context.CancellationToken);
        return published.LatestSchoolYear is { Length: > 0 } latest
            ? calculator.Calculate(published.Schools.Single(), SchoolYear.Parse(latest))
            : throw new RpcException(new Status(StatusCode.FailedPrecondition,
                "no published results are in the store yet; import the Inspectie's results file first (uitstroom public import)"));
    }

    public override async Task<BoardLookback> GetBoardLookback(GetBoardLookbackRequest request, ServerCallContext context)
    {
        context.RequireBoard(request.Bgnr);
        var bgnr = BoardNumber.Parse(request.Bgnr);
        var ct = context.CancellationToken;
        // Published results first: it answers NotFound for a board that is in neither the registry nor the file.
        var published = await ingest.GetPublishedResultsAsync(new GetPublishedResultsRequest { Bgnr = bgnr }, cancellationToken: ct);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        // Counted by Ingest where the rows are: the look-back needs the counts, not the pupils' histories.
        var (registered, counted) = await RegisteredOutflow.ReadAsync(registry, histories, bgnr, today, ct);

        var latest = Latest(published, counted, today);
        var none = new Dictionary<SchoolYear, YearTally>();
        return new BoardLookback
        {
            Bgnr = bgnr,
            Schools =
            {
                LookbackSchools.Of(published, registered, counted.ContainsKey).Select(s =>
                    calculator.Calculate(s.School, latest, s.Id is { } id && counted.TryGetValue(id, out var t) ? t : none)),
            },
            SignaleringswaardenSource = signaleringswaarden.Source,
            SignaleringswaardenPublished = signaleringswaarden.Published.ToString("yyyy-MM-dd"),
        };
    }

    /// <summary>
    /// The end of the judged window: the latest outflow year published or counted from the board's pupils. With
    /// neither there is nothing to judge; the last finished outflow year then ends the window (the schools the
    /// Inspectie lists show as te weinig gegevens) instead of failing the whole look-back.
    /// </summary>
    private static SchoolYear Latest(
        GetPublishedResultsResponse published, Dictionary<SchoolId, Dictionary<SchoolYear, YearTally>> counted, DateOnly today)
    {
        var years = counted.Values.SelectMany(y => y.Keys).ToList();
        if (published.LatestSchoolYear is { Length: > 0 } y)
        {
            years.Add(SchoolYear.Parse(y));
        }

        return years.Count > 0 ? years.Max() : SchoolYear.Containing(today).Plus(-1);
    }
}
