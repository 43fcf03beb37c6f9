using System.Globalization;
using Uitstroom.Contracts.Predict.V1;

namespace Uitstroom.Predict.Snapshots;

/// <summary>Snapshot headers to their wire form.</summary>
public static class SnapshotMessages
{
    public static SnapshotMoment Moment(SnapshotHeader header)
    {
        ArgumentNullException.ThrowIfNull(header);
        return new SnapshotMoment
        {
            SchoolYear = header.Moment.Year.StartYear,
            Moment = header.Moment.Code,
            Label = header.Moment.Label,
            Peildatum = header.Peildatum.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ModelVersion = header.ModelVersion,
            Origin = header.Origin,
            RecordedAt = header.RecordedAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
            Schools = header.Schools,
        };
    }
}
