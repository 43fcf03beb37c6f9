using Uitstroom.Reporting.Sources;

namespace Uitstroom.Reporting.Composition;

/// <summary>
/// Finds a registered school's look-back: by the Inspectie's ovt where the school has one, else by BRIN and name,
/// which is all Predict's look-back carries for a school the Inspectie never listed (the demo board's schools).
/// </summary>
internal static class LookbackIndex
{
    public static Func<SchoolFacts, SchoolLookbackFacts?> Of(BoardLookbackFacts? lookback)
    {
        if (lookback is null)
        {
            return _ => null;
        }

        var byOvt = lookback.Schools.Where(s => s.Ovt.Length > 0).GroupBy(s => s.Ovt).ToDictionary(g => g.Key, g => g.First());
        var unlisted = lookback.Schools.Where(s => s.Ovt.Length == 0)
            .GroupBy(s => (s.Brin, s.Name))
            .ToDictionary(g => g.Key, g => g.First());
        return school => school.Ovt.Length > 0
            ? byOvt.GetValueOrDefault(school.Ovt)
            : unlisted.GetValueOrDefault((school.Brin, school.Name));
    }
}
