namespace Uitstroom.Predict.Snapshots;

/// <summary>
/// Which snapshot speaks for a moment when there are several (one per model version): the live one, as it is what
/// the board actually saw then; otherwise the most recently written recomputation.
/// </summary>
public static class SnapshotSelection
{
    public static IReadOnlyList<SnapshotHeader> OnePerMoment(IEnumerable<SnapshotHeader> headers) =>
        [.. headers
            .GroupBy(h => h.Moment)
            .Select(g => g.OrderByDescending(h => h.IsLive).ThenByDescending(h => h.RecordedAt).First())
            .OrderBy(h => h.Moment)];
}
