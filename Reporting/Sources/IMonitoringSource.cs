using Uitstroom.Contracts.Predict.V1;

namespace Uitstroom.Reporting.Sources;

/// <summary>
/// Predict's dated forecast snapshots and its track record for a board, as Predict sent them: Reporting maps them
/// once, straight into its own API (Composition/Monitoring). Throws <see cref="SourceUnavailableException"/> when
/// Predict cannot answer or keeps no snapshots.
/// </summary>
public interface IMonitoringSource
{
    Task<MonitoringFacts> GetBoardAsync(string bgnr, CancellationToken ct);
}

/// <summary>Every snapshot moment with every school's outlook then, and the track record of the board and its schools.</summary>
public sealed record MonitoringFacts(OutlookHistoryResponse History, TrackRecordResponse TrackRecord);
