using Uitstroom.Contracts.Ingest.V1;
using Uitstroom.Domain.Vocabulary;

namespace Uitstroom.Predict.Lookback;

/// <summary>One school to look back on: as published (or bare, when never published) and its location, if registered.</summary>
public sealed record LookbackSchool(PublishedSchool School, SchoolId? Id);

/// <summary>
/// The schools of a board's look-back: every school the Inspectie published for the board, then every registered
/// school it did not (no ovt, or not in its file) whose pupils have outflow results to judge; a school with
/// neither has nothing to look back on. A published school is tied to its registered location by ovt, which is how
/// the pupils' results find it.
/// </summary>
public static class LookbackSchools
{
    public static IReadOnlyList<LookbackSchool> Of(
        GetPublishedResultsResponse published, ListSchoolsResponse registered, Func<SchoolId, bool> hasPupilResults)
    {
        ArgumentNullException.ThrowIfNull(published);
        ArgumentNullException.ThrowIfNull(registered);
        ArgumentNullException.ThrowIfNull(hasPupilResults);
        var byOvt = registered.Schools.Where(s => s.Ovt.Length > 0)
            .GroupBy(s => s.Ovt)
            .ToDictionary(g => g.Key, g => g.First());
        var list = published.Schools
            .Select(p => new LookbackSchool(p, byOvt.TryGetValue(p.Ovt, out var r) ? Id(r) : null))
            .ToList();
        var publishedOvts = published.Schools.Select(p => p.Ovt).ToHashSet(StringComparer.Ordinal);
        foreach (var r in registered.Schools.Where(s => (s.Ovt.Length == 0 || !publishedOvts.Contains(s.Ovt)) && hasPupilResults(Id(s))))
        {
            var bare = new PublishedSchool { Ovt = r.Ovt, Brin = r.Brin, Name = r.Name, Bgnr = r.Bgnr };
            if (r.HasSchoolweging)
            {
                bare.Schoolweging = r.Schoolweging;
            }

            list.Add(new LookbackSchool(bare, Id(r)));
        }

        return list;
    }

    private static SchoolId Id(School s) => SchoolId.Create(s.Brin, s.Vestiging);
}
