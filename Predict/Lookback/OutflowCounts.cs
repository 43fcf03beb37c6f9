using System.Globalization;
using Uitstroom.Contracts.Ingest.V1;
using Uitstroom.Domain.Inspectie;
using Uitstroom.Domain.Vocabulary;

namespace Uitstroom.Predict.Lookback;

/// <summary>
/// A board's outflow years counted from its pupils' doorstroomtoets results, per school: asked of Ingest, which
/// counts them where the rows are (TallyOutflow), so the look-back does not stream every pupil's history.
/// </summary>
public static class OutflowCounts
{
    public static async Task<Dictionary<SchoolId, Dictionary<SchoolYear, YearTally>>> ForBoardAsync(
        PupilHistories.PupilHistoriesClient ingest, string bgnr, DateOnly asOf, CancellationToken ct)
    {
        var reply = await ingest.TallyOutflowAsync(
            new OutflowTallyRequest { Bgnr = bgnr, AsOf = asOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) },
            cancellationToken: ct);
        return reply.Tallies
            .GroupBy(t => SchoolId.Create(t.Brin, t.Vestiging))
            .ToDictionary(
                s => s.Key,
                s => s.ToDictionary(
                    t => new SchoolYear(t.SchoolYear),
                    t => new YearTally(new SchoolYear(t.SchoolYear), t.Pupils, t.Results, t.AtFundamental, t.AtTarget)));
    }
}
