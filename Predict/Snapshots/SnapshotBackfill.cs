using Grpc.Core;
using Uitstroom.Contracts.Predict.V1;
using Uitstroom.Domain.Inspectie;
using Uitstroom.Domain.Vocabulary;
using Uitstroom.Predict.Forecasting;
using Uitstroom.Predict.Models;
using Uitstroom.Predict.Services;

namespace Uitstroom.Predict.Snapshots;

/// <summary>
/// Recomputes snapshots for past half-years: the board's data as it stood on each moment's peildatum (Ingest's
/// histories "as of"), forecast with today's model. Such a snapshot is labelled <see cref="SnapshotOrigin.Recomputed"/>:
/// the model has seen the outcomes of those years in training, so its track record flatters; the label says so.
/// </summary>
public sealed class SnapshotBackfill(
    IPupilHistorySource source, ModelStore models, SnapshotStore store, Signaleringswaarden signaleringswaarden, TimeProvider clock)
{
    /// <summary>Three school years of half-year moments.</summary>
    public const int DefaultMoments = 6;

    public async Task<BackfillSnapshotsResponse> RunAsync(string bgnr, int moments, CancellationToken ct)
    {
        var board = BoardNumber.Parse(bgnr);
        var model = models.Current()
                    ?? throw new RpcException(new Status(StatusCode.FailedPrecondition, "no model has been trained yet: run `uitstroom train` first"));
        if (moments is < 0 or > 20)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, $"moments must lie in 0..20 (0 = {DefaultMoments}), got {moments}"));
        }

        var now = ForecastMoment.Of(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        var existing = await store.HeadersAsync(board, ct).ConfigureAwait(false);
        var response = new BackfillSnapshotsResponse();
        foreach (var moment in now.HalfYearsBefore(moments == 0 ? DefaultMoments : moments).Reverse())
        {
            if (existing.FirstOrDefault(h => h.Moment == moment && h.ModelVersion == model.Info.Version && h.IsLive) is { } live)
            {
                response.KeptLive.Add(SnapshotMessages.Moment(live));
                continue;
            }

            var peildatum = moment.Peildatum;
            var data = await source.LoadAsync(board, peildatum, null, ct).ConfigureAwait(false);
            var forecast = BoardForecaster.Forecast(model, data, peildatum, signaleringswaarden);
            var schools = forecast.Schools.Select(ForecastMapping.ToMessage).ToList();
            var header = new SnapshotHeader(
                board, moment, model.Info.Version, peildatum, SnapshotOrigin.Recomputed, clock.GetUtcNow(), data.Generation, schools.Count);
            await store.SaveAsync(header, schools, ct).ConfigureAwait(false);
            response.Written.Add(SnapshotMessages.Moment(header));
        }

        return response;
    }
}
