using Uitstroom.Domain.Vocabulary;
using Uitstroom.Simulation.Model;
using Uitstroom.Simulation.Norms;
using Uitstroom.Simulation.Registry;
using P = Uitstroom.Simulation.Model.ModelParameters;

namespace Uitstroom.Simulation.Pupils;

/// <summary>
/// Draws every pupil of one school: a cohort per nominal outflow year starting in groep 3, plus pupils arriving
/// later, each followed year by year (tests, leaving, repeating or skipping a groep) to the doorstroomtoets.
/// Everything comes from the school's own random stream, so schools can be drawn in any order or in parallel.
/// </summary>
public static class SchoolSimulator
{
    public static SimulatedSchool Simulate(SchoolPlan plan, SimulationOptions options, ShippedNorms norms, IReadOnlyDictionary<int, double> nationalYear)
    {
        var rng = Rng.For(options.Seed, "school", plan.Index);
        var context = new SchoolContext(plan, options, norms, nationalYear, rng);
        var pupils = new List<SimulatedPupil>();
        var nextNumber = 1 + rng.Below(4000);
        // Cohorts whose groep 8 falls in the window, and younger ones up to the youngest tested groep now.
        for (var cohort = context.FirstYear; cohort <= context.LastCohort; cohort++)
        {
            var startYear = cohort - 5;
            var size = Math.Max(1, (int)Math.Round(plan.GroupSize * Math.Exp(rng.Gaussian(0, 0.12))));
            for (var i = 0; i < size; i++)
            {
                Add(PupilCareer.Follow(context, rng, cohort, startYear, 3, new SchoolYear(startYear).FirstDay, newcomer: false, nextNumber++));
            }

            // Arrivals in groep 4–8, only up to the current year (the future's arrivals are unknown to everyone).
            for (var groep = 4; groep <= 8; groep++)
            {
                var year = startYear + groep - 3;
                if (year > context.CurrentYear)
                {
                    break;
                }

                var arrivals = rng.Poisson(size * P.ArrivalRatePerYear);
                for (var a = 0; a < arrivals; a++)
                {
                    var since = rng.Chance(P.MidYearArrivalShare) ? new DateOnly(year + 1, 1, 15) : new SchoolYear(year).FirstDay;
                    Add(PupilCareer.Follow(context, rng, cohort, year, groep, since, rng.Chance(P.NewcomerShare), nextNumber++));
                }
            }
        }

        return new SimulatedSchool(plan.Index, plan.Id, plan.Bestuur, plan.Name, plan.Schoolweging, plan.Provider, plan.Doorstroomtoets,
            new SchoolTruth(plan.Effect, plan.TrendPerYear, context.Cohort), pupils);

        void Add(SimulatedPupil? pupil)
        {
            if (pupil is not null)
            {
                pupils.Add(pupil);
            }
        }
    }
}
