using Uitstroom.Domain.Norms;
using Uitstroom.Domain.Vocabulary;
using Uitstroom.Simulation.Model;
using Uitstroom.Simulation.Norms;
using P = Uitstroom.Simulation.Model.ModelParameters;

namespace Uitstroom.Simulation.Pupils;

/// <summary>
/// One pupil's way through a school. The latent value for a subject, on the uniform scale, is the subject's national
/// mean plus its sd times a z made of the school's effect for the pupil's cohort, the school's subject profile, the
/// pupil's ability, its growth relative to the on-track lines (zero at the doorstroomtoets) and a shift per groep
/// repeated or skipped (a repeater is a year older than its groep's norms).
/// </summary>
internal static class PupilCareer
{
    private const double DoorstroomtoetsTime = 8.5;

    public static SimulatedPupil? Follow(SchoolContext school, Rng rng, int cohort, int startYear, int startGroep, DateOnly since, bool newcomer, int number)
    {
        var general = rng.Gaussian();
        var ability = new double[3];
        var growth = new double[3];
        foreach (var subject in Subjects.All)
        {
            var s = (int)subject;
            ability[s] = (Math.Sqrt(P.GeneralShare) * general) + (Math.Sqrt(1 - P.GeneralShare) * rng.Gaussian());
            // Pupils from abroad start behind in Dutch language far more than in rekenen.
            if (newcomer)
            {
                ability[s] -= subject == Subject.Rekenen ? 0.2 : 0.8;
            }

            growth[s] = rng.Gaussian(0, P.GrowthSd);
        }

        var baseZ = new double[3];
        var schoolZ = school.CohortEffect(cohort) + (school.CohortTail.GetValueOrDefault(cohort) * Math.Max(0, -general));
        foreach (var subject in Subjects.All)
        {
            var s = (int)subject;
            baseZ[s] = schoolZ + school.Profile[s] + (P.PupilSd * ability[s]);
        }

        var placements = new List<Placement>();
        var tests = new List<SimulatedTest>();
        var outflow = new List<SimulatedOutflow>(3);
        var shift = 0.0;
        var retentions = 0;
        var skips = 0;
        var year = startYear;
        var groep = startGroep;
        var arrivedYear = startYear;
        var arrivedSince = since;
        while (true)
        {
            if (school.InWindow(year))
            {
                placements.Add(new Placement(new SchoolYear(year), groep, year == arrivedYear ? arrivedSince : new SchoolYear(year).FirstDay));
                if (groep >= school.Options.FirstTestedGroep)
                {
                    TakeTests(school, rng, year, groep, year == arrivedYear ? arrivedSince : DateOnly.MinValue, baseZ, growth, shift, tests);
                }
            }

            if (groep == 8)
            {
                SitDoorstroomtoets(school, rng, year, general, newcomer, baseZ, shift, outflow);
                break;
            }

            // The end of the school year: move away, repeat, skip, or go up one groep.
            if (year >= school.CurrentYear + 8 || rng.Chance(P.LeaveRatePerYear))
            {
                break;
            }

            if (rng.Chance(P.Retention(groep, general)))
            {
                retentions++;
                shift += P.RetentionShift;
            }
            else if (rng.Chance(P.Skip(groep, general)))
            {
                skips++;
                shift -= P.RetentionShift;
                groep += 2;
            }
            else
            {
                groep++;
            }

            year++;
        }

        if (placements.Count == 0 && (outflow.Count == 0 || outflow[0].Year.StartYear < school.FirstYear))
        {
            return null;
        }

        return new SimulatedPupil(
            number.ToString(System.Globalization.CultureInfo.InvariantCulture),
            placements, tests, outflow,
            new PupilTruth(general, ability, growth, newcomer, retentions, skips));
    }

    private static void TakeTests(SchoolContext school, Rng rng, int year, int groep, DateOnly presentFrom, double[] baseZ, double[] growth, double shift, List<SimulatedTest> tests)
    {
        var provider = school.Plan.Provider;
        var table = school.Norms.Table(provider);
        foreach (var moment in school.Norms.Moments(provider, groep))
        {
            var date = moment.TypicalDate(new SchoolYear(year)).AddDays(rng.Below(29) - 14);
            if (rng.Chance(P.LateTestRate))
            {
                // Late, but within the school year (an E test by 20 July at the latest).
                var late = date.AddDays(21 + rng.Below(28));
                var lastDay = new DateOnly(year + 1, 7, 20);
                date = late > lastDay ? lastDay : late;
            }

            // Absent on the day (one draw per moment: the pupil misses all subjects of that session).
            var missed = rng.Chance(P.MissedTestRate);
            if (date < presentFrom || date > school.Options.AsOf || missed)
            {
                continue;
            }

            var t = moment.Time;
            foreach (var subject in Subjects.All)
            {
                var s = (int)subject;
                var (mean, sd) = school.Outflow[s];
                var z = baseZ[s] + shift + (growth[s] * (t - DoorstroomtoetsTime));
                var trueUniform = mean + (sd * z);
                var cut = school.Norms.Cut(provider, subject, moment);
                // Scores are kept within the table's valid range (Ingest rejects others), like a real scale's ends.
                var score = Math.Round(Math.Clamp(UniformScale.ToScore(trueUniform + (sd * rng.Gaussian(0, P.LvsNoiseSd)), cut),
                    table.ScoreMin ?? double.MinValue, table.ScoreMax ?? double.MaxValue), 1);
                var observed = UniformScale.FromScore(score, cut);
                // The provider's norm: where the result stands among all pupils tested at that moment. From the
                // table's national distribution where it has one (so Normalise's percentile route agrees), else
                // from this model's own national distribution.
                var nationalSd = Math.Sqrt(1 - Sq(P.OutflowNoiseSd) - Sq(P.NationalYearSd) - Sq(P.SchoolYearTestSd)
                    + Sq(P.LvsNoiseSd) + Sq(P.GrowthSd * (t - DoorstroomtoetsTime)));
                double Percentile() => NormPositions.Percentile(cut.ZOf(score) ?? ((observed - mean) / (sd * nationalSd)));
                var (reportedPercentile, band, level) = provider switch
                {
                    "CITO" => ((double?)Percentile(), NormPositions.RomanBand(Percentile()), (ReferenceLevel?)null),
                    "DIA" => (Percentile(), NormPositions.LetterBand(Percentile()), null),
                    // IEP reports the reference level reached from groep 6 and no percentile.
                    _ => (null, null, groep >= 6 ? LevelOf(observed, subject) : null),
                };
                tests.Add(new SimulatedTest(new SchoolYear(year), groep, moment, date, subject, provider, score,
                    reportedPercentile, band, level, trueUniform, observed));
            }
        }
    }

    private static void SitDoorstroomtoets(SchoolContext school, Rng rng, int year, double general, bool newcomer, double[] baseZ, double shift, List<SimulatedOutflow> outflow)
    {
        var exempt = general < P.ExemptGeneralZ || rng.Chance(P.ExemptRandomRate) || (newcomer && rng.Chance(P.ExemptNewcomerRate));
        var dayZ = school.NationalYear.GetValueOrDefault(year) + school.TestDay.GetValueOrDefault(year);
        foreach (var subject in Subjects.All)
        {
            var s = (int)subject;
            var (mean, sd) = school.Outflow[s];
            var latent = mean + (sd * (baseZ[s] + shift));
            var expected = latent + (sd * dayZ);
            var noise = sd * P.OutflowNoiseSd;
            var pBelow = NormalDistribution.Cdf((UniformScale.OnTrackFundamental - expected) / noise);
            var pTarget = 1 - NormalDistribution.Cdf((UniformScale.OnTrackTarget - expected) / noise);
            var observed = expected + rng.Gaussian(0, noise);
            outflow.Add(new SimulatedOutflow(new SchoolYear(year), subject, school.Plan.Doorstroomtoets,
                exempt ? null : LevelOf(observed, subject), exempt, latent, noise, pBelow, 1 - pBelow - pTarget, pTarget));
        }
    }

    private static ReferenceLevel LevelOf(double uniform, Subject subject) =>
        uniform >= UniformScale.OnTrackTarget ? subject.TargetLevel()
        : uniform >= UniformScale.OnTrackFundamental ? ReferenceLevel.Level1F
        : ReferenceLevel.Below1F;

    private static double Sq(double x) => x * x;
}
