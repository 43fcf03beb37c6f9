using Uitstroom.Domain.Histories;
using Uitstroom.Domain.Norms;
using Uitstroom.Domain.Vocabulary;
using Uitstroom.Simulation.Norms;

namespace Uitstroom.Simulation;

/// <summary>
/// A simulated pupil as Predict would see it on a given date: the LVS results taken by then, put on the uniform scale
/// through the same shipped norm tables Normalise uses, and the outflow results published by then. For backtests
/// that run on the simulated world without files or services.
/// </summary>
public static class HistoryConversion
{
    /// <summary>Doorstroomtoets results reach the school in March of the outflow year.</summary>
    public static DateOnly OutflowPublished(SchoolYear year) => new(year.EndYear, 3, 15);

    public static PupilHistory ToHistory(this SimulatedPupil pupil, SimulatedSchool school, DateOnly asOf, string pupilKey, ShippedNorms? norms = null)
    {
        norms ??= ShippedNorms.Instance;
        var results = pupil.Tests
            .Where(t => t.TakenOn <= asOf)
            .Select(t => new ScaledResult(t.Year, t.Moment, t.Subject, t.Provider,
                UniformScale.FromScore(t.Score, norms.Cut(t.Provider, t.Subject, t.Moment)), t.Percentile, t.TakenOn))
            .ToList();
        var outflow = pupil.Outflow
            .Where(o => OutflowPublished(o.Year) <= asOf)
            .Select(o => new OutflowResult(o.Year, o.Subject, o.Level, o.Exempt))
            .ToList();
        var now = SchoolYear.Containing(asOf);
        var placement = pupil.Placements.LastOrDefault(p => p.Year <= now && p.Since <= asOf);
        if (placement == default)
        {
            placement = pupil.Placements.Count > 0 ? pupil.Placements[0] : new Placement(now, 8, asOf);
        }

        return new PupilHistory(pupilKey, school.Id, placement.Groep, placement.Year, results, outflow);
    }
}
