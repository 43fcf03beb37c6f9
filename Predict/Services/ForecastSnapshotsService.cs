using Grpc.Core;
using Uitstroom.Contracts.Predict.V1;
using Uitstroom.Domain.Inspectie;
using Uitstroom.Domain.Vocabulary;
using Uitstroom.Predict.Forecasting;
using Uitstroom.Predict.Snapshots;
using Uitstroom.ServiceDefaults.Auth;

namespace Uitstroom.Predict.Services;

/// <summary>
/// gRPC edge of monitoring over time: the board's dated snapshots, a school's outlook history, the track record, the
/// cohorts' trends over their test moments and the backfill of past moments. Without a configured store every
/// snapshot call is FailedPrecondition (the trends need none). Every call names its board and is checked against the
/// caller's key first; everything read after that is the board's own, so a school filter cannot reach another board.
/// </summary>
public sealed class ForecastSnapshotsService(
    IPupilHistorySource histories, Signaleringswaarden signaleringswaarden, TimeProvider clock, IServiceProvider services)
    : ForecastSnapshots.ForecastSnapshotsBase
{
    public override async Task<ListSnapshotsResponse> ListSnapshots(ListSnapshotsRequest request, ServerCallContext context)
    {
        context.RequireBoard(request.Bgnr);
        var bgnr = BoardNumber.Parse(request.Bgnr);
        var headers = await Store().HeadersAsync(bgnr, context.CancellationToken);
        return new ListSnapshotsResponse { Moments = { SnapshotSelection.OnePerMoment(headers).Select(SnapshotMessages.Moment) } };
    }

    public override async Task<OutlookHistoryResponse> GetOutlookHistory(GetOutlookHistoryRequest request, ServerCallContext context)
    {
        context.RequireBoard(request.Bgnr);
        var bgnr = BoardNumber.Parse(request.Bgnr);
        var snapshots = await Load(bgnr, School(request.Brin, request.Vestiging), context.CancellationToken);
        return new OutlookHistoryResponse
        {
            Snapshots = { snapshots.Select(s => new OutlookSnapshot { Moment = SnapshotMessages.Moment(s.Header), Schools = { s.Schools } }) },
        };
    }

    public override async Task<TrackRecordResponse> GetTrackRecord(GetTrackRecordRequest request, ServerCallContext context)
    {
        context.RequireBoard(request.Bgnr);
        var bgnr = BoardNumber.Parse(request.Bgnr);
        var school = School(request.Brin, request.Vestiging);
        var snapshots = await Load(bgnr, school, context.CancellationToken);
        // What happened is read as of today: every realised outflow year on record.
        var today = await histories.OutflowAsync(bgnr, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), context.CancellationToken);
        return TrackRecord.Build(snapshots, today, signaleringswaarden, school);
    }

    public override async Task<CohortTrendsResponse> GetCohortTrends(GetCohortTrendsRequest request, ServerCallContext context)
    {
        context.RequireBoard(request.Bgnr);
        var bgnr = BoardNumber.Parse(request.Bgnr);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        return CohortTrends.Of(await histories.CohortMomentsAsync(bgnr, today, School(request.Brin, request.Vestiging), context.CancellationToken));
    }

    public override Task<BackfillSnapshotsResponse> BackfillSnapshots(BackfillSnapshotsRequest request, ServerCallContext context)
    {
        context.RequireBoard(request.Bgnr);
        Store();
        return services.GetRequiredService<SnapshotBackfill>().RunAsync(request.Bgnr, request.Moments, context.CancellationToken);
    }

    private async Task<IReadOnlyList<(SnapshotHeader Header, IReadOnlyList<SchoolForecastMessage> Schools)>> Load(
        string bgnr, SchoolId? school, CancellationToken ct)
    {
        var store = Store();
        var chosen = SnapshotSelection.OnePerMoment(await store.HeadersAsync(bgnr, ct));
        var schools = await store.SchoolsAsync(bgnr, chosen, school, ct);
        return [.. chosen.Select(h => (h, schools[h])).Where(s => s.Item2.Count > 0)];
    }

    private SnapshotStore Store() =>
        services.GetService<SnapshotStore>()
        ?? throw new RpcException(new Status(StatusCode.FailedPrecondition,
            "Predict keeps no snapshots: ConnectionStrings:store is not configured for it"));

    private static SchoolId? School(string brin, int vestiging) =>
        string.IsNullOrWhiteSpace(brin) ? null : SchoolId.Create(brin, vestiging);
}
