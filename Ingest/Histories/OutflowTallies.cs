using Uitstroom.Domain.Histories;
using Uitstroom.Domain.Inspectie;

namespace Uitstroom.Ingest.Histories;

/// <summary>
/// A board's outflow years counted per school from its pupils' doorstroomtoets rows, by the domain's own rule
/// (<see cref="YearTally.FromPupils"/>). Each pupil is placed as the history stream places it: at the school of its
/// last outflow row, in the year of its first; so the look-back gets the same figures it would count from histories.
/// </summary>
public static class OutflowTallies
{
    /// <param name="rows">Outflow rows ordered by pupil key, school year and subject (as the repository reads them).</param>
    public static IReadOnlyList<YearTally> BySchool(IEnumerable<OutflowHistoryRow> rows, out IReadOnlyList<SchoolId> schools)
    {
        var pupils = new List<(SchoolId School, SchoolYear Year, List<OutflowResult> Results)>();
        string? key = null;
        List<OutflowResult>? current = null;
        OutflowHistoryRow? last = null;
        foreach (var row in rows)
        {
            if (row.PupilKey != key)
            {
                Close();
                key = row.PupilKey;
                current = [];
            }

            current!.Add(new OutflowResult(new SchoolYear(row.SchoolYear), Subjects.Parse(row.Subject),
                row.Exempt != 0 || string.IsNullOrEmpty(row.Level) ? null : ReferenceLevels.Parse(row.Level), row.Exempt != 0));
            last = row;
        }

        Close();
        var tallies = pupils
            .GroupBy(p => (p.School, p.Year))
            .Select(g => (g.Key.School, Tally: YearTally.FromPupils(g.Key.Year, g.Select(p => (IReadOnlyList<OutflowResult>)p.Results))))
            .Where(t => t.Tally.Pupils > 0)
            .OrderBy(t => t.School.Brin, StringComparer.Ordinal).ThenBy(t => t.School.Vestiging).ThenBy(t => t.Tally.Year)
            .ToList();
        schools = [.. tallies.Select(t => t.School)];
        return [.. tallies.Select(t => t.Tally)];

        void Close()
        {
            if (current is { Count: > 0 })
            {
                pupils.Add((SchoolId.Create(last!.Brin, last.Vestiging), current[0].Year, current));
            }
        }
    }
}
