using Uitstroom.Contracts.Ingest.V1;
using Uitstroom.Domain.Histories;

namespace Uitstroom.Ingest.Histories;

/// <summary>
/// Between the history contract and <see cref="PupilHistory"/>. Results not yet on the uniform scale stay out of
/// the domain record (Predict works on uniform values only); the contract carries them with their raw score.
/// Predict may compile this file in (a linked Compile item) to read the stream the same way.
/// </summary>
public static class HistoryMapping
{
    public static PupilHistory ToDomain(PupilHistoryMessage m) => new(
        m.PupilKey,
        new SchoolId(m.Brin, m.Vestiging),
        m.Groep,
        new SchoolYear(m.SchoolYear),
        [.. m.Results.Where(r => r.HasUniform).Select(r => new ScaledResult(
            new SchoolYear(r.SchoolYear),
            TestMoment.Parse(r.Moment),
            Subjects.Parse(r.Subject),
            r.Provider,
            r.Uniform,
            r.HasPercentile ? r.Percentile : null,
            r.TakenOn.Length > 0 ? DateOnly.ParseExact(r.TakenOn, "yyyy-MM-dd") : null))],
        [.. m.Outflow.Select(o => new OutflowResult(
            new SchoolYear(o.SchoolYear),
            Subjects.Parse(o.Subject),
            o.Level.Length > 0 ? ReferenceLevels.Parse(o.Level) : null,
            o.Exempt))]);

    public static PupilHistoryMessage ToMessage(PupilHistory h, string bgnr, long generation)
    {
        var message = new PupilHistoryMessage
        {
            PupilKey = h.PupilKey,
            Brin = h.School.Brin,
            Vestiging = h.School.Vestiging,
            Groep = h.Groep,
            SchoolYear = h.Year.StartYear,
            Generation = generation,
            Bgnr = bgnr,
        };
        foreach (var r in h.Results)
        {
            var result = new LvsResultMessage
            {
                SchoolYear = r.Year.StartYear,
                Moment = r.Moment.ToString(),
                Subject = r.Subject.Code(),
                Provider = r.Provider,
                Uniform = r.Uniform,
                TakenOn = r.TakenOn?.ToString("yyyy-MM-dd") ?? "",
            };
            if (r.Percentile is { } p)
            {
                result.Percentile = p;
            }

            message.Results.Add(result);
        }

        message.Outflow.AddRange(h.Outflow.Select(o => new OutflowResultMessage
        {
            SchoolYear = o.Year.StartYear,
            Subject = o.Subject.Code(),
            Level = o.Level?.Code() ?? "",
            Exempt = o.Exempt,
        }));
        return message;
    }
}
