using System.Collections.Concurrent;
using System.Data.Common;
using System.Globalization;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Uitstroom.Contracts.Predict.V1;

namespace Uitstroom.Predict.Snapshots;

/// <summary>
/// Records a live snapshot whenever a whole board's school forecast for today is computed (not served from the
/// cache): an observer on the Forecasts service, so the forecast code knows nothing of snapshots. A failing store
/// is logged and never fails the forecast the caller asked for.
/// </summary>
public sealed partial class LiveSnapshotRecorder(SnapshotStore store, TimeProvider clock, ILogger<LiveSnapshotRecorder> logger) : Interceptor
{
    // The last snapshot written per board: without Redis every request recomputes, and the same board, moment,
    // model and data need not be written again.
    private readonly ConcurrentDictionary<string, (ForecastMoment, string, long)> written = new();

    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        ArgumentNullException.ThrowIfNull(continuation);
        var response = await continuation(request, context).ConfigureAwait(false);
        if (request is ForecastSchoolsRequest asked && response is ForecastSchoolsResponse answer)
        {
            await RecordAsync(asked, answer, context.CancellationToken).ConfigureAwait(false);
        }

        return response;
    }

    public async Task RecordAsync(ForecastSchoolsRequest request, ForecastSchoolsResponse response, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(response);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        // One school is not a board snapshot, and a forecast for another date than today is not what the board saw.
        if (request.Brin.Length > 0 || response.FromCache
            || !DateOnly.TryParseExact(response.Peildatum, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var peildatum)
            || peildatum != today)
        {
            return;
        }

        var moment = ForecastMoment.Of(peildatum);
        var signature = (moment, response.ModelVersion, response.Generation);
        if (written.TryGetValue(request.Bgnr, out var last) && last == signature)
        {
            return;
        }

        try
        {
            var header = new SnapshotHeader(
                request.Bgnr, moment, response.ModelVersion, peildatum, SnapshotOrigin.Live, clock.GetUtcNow(), response.Generation);
            await store.SaveAsync(header, response.Schools, ct).ConfigureAwait(false);
            written[request.Bgnr] = signature;
        }
        catch (DbException e)
        {
            LogNotRecorded(logger, request.Bgnr, moment.Label, e.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Snapshot of board {Bgnr} at {Moment} not recorded ({Reason}); the forecast was served")]
    private static partial void LogNotRecorded(ILogger logger, string bgnr, string moment, string reason);
}
