using Uitstroom.Domain.Histories;
using Uitstroom.Domain.Inspectie;
using Uitstroom.Domain.Vocabulary;

namespace Uitstroom.Predict.Schools;

/// <summary>The known outflow years of every school, counted by the look-back's own rule (<see cref="YearTally.FromPupils"/>).</summary>
public static class Tallies
{
    public static Dictionary<SchoolId, Dictionary<SchoolYear, YearTally>> BySchoolAndYear(IEnumerable<PupilHistory> histories) =>
        histories
            .Where(h => h.Outflow.Count > 0)
            .GroupBy(h => h.School)
            .ToDictionary(
                s => s.Key,
                s => s.GroupBy(h => h.Outflow[0].Year)
                    .Select(y => YearTally.FromPupils(y.Key, y.Select(h => h.Outflow)))
                    .Where(t => t.Pupils > 0)
                    .ToDictionary(t => t.Year));
}
