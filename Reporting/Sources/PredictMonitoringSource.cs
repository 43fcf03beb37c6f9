using Microsoft.Extensions.Options;
using Uitstroom.Contracts.Predict.V1;

namespace Uitstroom.Reporting.Sources;

/// <summary>Monitoring over time over Predict's <c>ForecastSnapshots</c> service: the outlook history and the track record, side by side.</summary>
public sealed class PredictMonitoringSource(ForecastSnapshots.ForecastSnapshotsClient snapshots, IOptions<SourceOptions> options) : IMonitoringSource
{
    public Task<MonitoringFacts> GetBoardAsync(string bgnr, CancellationToken ct) => SourceCalls.Guard("predict", async () =>
    {
        var deadline = DateTime.UtcNow + options.Value.PredictDeadline;
        var history = snapshots.GetOutlookHistoryAsync(new GetOutlookHistoryRequest { Bgnr = bgnr }, deadline: deadline, cancellationToken: ct);
        var record = snapshots.GetTrackRecordAsync(new GetTrackRecordRequest { Bgnr = bgnr }, deadline: deadline, cancellationToken: ct);
        return new MonitoringFacts(await history, await record);
    });
}
