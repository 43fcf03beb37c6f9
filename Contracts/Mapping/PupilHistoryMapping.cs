using System.Globalization;
using Uitstroom.Contracts.Ingest.V1;
using Uitstroom.Domain.Histories;
using Uitstroom.Domain.Vocabulary;

namespace Uitstroom.Contracts.Mapping;

/// <summary>
/// Between the history contract and <see cref="PupilHistory"/>. Results not yet on the uniform scale stay out of
/// the domain record (Predict works on uniform values only); the contract carries them with their raw score.
/// In Contracts so that Predict, Ingest's tests and any other reader of the stream map it the same way.
/// </summary>
public static class PupilHistoryMapping
{
    /// <summary>A streamed history as the domain record; an exempted result carries no level.</summary>
    public static PupilHistory ToDomain(PupilHistoryMessage m)
    {
        var results = m.Results
            .Where(r => r.HasUniform)
            .Select(r => new ScaledResult(
                new SchoolYear(r.SchoolYear),
                TestMoment.Parse(r.Moment),
                Subjects.Parse(r.Subject),
                r.Provider,
                r.Uniform,
                r.HasPercentile ? r.Percentile : null,
                r.TakenOn.Length > 0 ? DateOnly.ParseExact(r.TakenOn, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null))
            .ToList();
        var outflow = m.Outflow
            .Select(o => new OutflowResult(
                new SchoolYear(o.SchoolYear),
                Subjects.Parse(o.Subject),
                o.Exempt || o.Level.Length == 0 ? null : ReferenceLevels.Parse(o.Level),
                o.Exempt))
            .ToList();
        return new PupilHistory(m.PupilKey, SchoolId.Create(m.Brin, m.Vestiging), m.Groep, new SchoolYear(m.SchoolYear), results, outflow);
    }
}
