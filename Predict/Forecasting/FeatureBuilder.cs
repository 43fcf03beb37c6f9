using Uitstroom.Domain.Histories;
using Uitstroom.Domain.Norms;
using Uitstroom.Domain.Vocabulary;

namespace Uitstroom.Predict.Forecasting;

/// <summary>
/// Turns a pupil history into <see cref="PupilFeatures"/> as of a date: only results taken on or before the date
/// count, so a backtest can replay any moment of a finished cohort exactly as it looked then.
/// </summary>
public static class FeatureBuilder
{
    // The doorstroomtoets is taken in February of groep 8: the time axis of TestMoment.Time puts that at 8.5.
    private const double OutflowTestTime = 8.5;

    // A trend over a long window is mostly old news: the CPB found the latest three tests carry the signal.
    private const double SlopeWindowYears = 2.0;

    // Where nothing at all is known of a pupil: halfway between the two cuts, the national middle of the scale.
    private const float NothingKnown = (float)((UniformScale.OnTrackFundamental + UniformScale.OnTrackTarget) / 2);

    /// <summary>The groep a pupil sits in during <paramref name="year"/>, from where it is (or was) last seen.</summary>
    public static int GroepIn(PupilHistory history, SchoolYear year) => history.Groep - (history.Year.StartYear - year.StartYear);

    /// <summary>Where along its school career a pupil is on a date, on <see cref="TestMoment.Time"/>'s axis.</summary>
    public static double CareerTime(PupilHistory history, DateOnly asOf)
    {
        var year = SchoolYear.Containing(asOf);
        var elapsed = (asOf.DayNumber - year.FirstDay.DayNumber) / 365.0;
        return GroepIn(history, year) + elapsed;
    }

    public static DateOnly TakenOn(ScaledResult r) => r.TakenOn ?? r.Moment.TypicalDate(r.Year);

    /// <summary>Features for every subject at once, sharing one pass over the results.</summary>
    public static PupilFeatures[] Build(PupilHistory history, DateOnly asOf)
    {
        var lines = new SubjectLine[3];
        foreach (var s in Subjects.All)
        {
            lines[(int)s] = SubjectLine.Of(history.Results, s, asOf);
        }

        var yearsToOutflow = (float)(OutflowTestTime - CareerTime(history, asOf));
        var features = new PupilFeatures[3];
        foreach (var s in Subjects.All)
        {
            var own = lines[(int)s];
            var others = lines.Where((l, i) => i != (int)s && l.Count > 0).ToArray();
            var otherLatest = others.Length > 0 ? (float)others.Average(l => l.Latest) : float.NaN;
            var otherSlope = others.Length > 0 ? (float)others.Average(l => l.Slope) : 0f;
            var latest = own.Count > 0 ? (float)own.Latest : float.IsNaN(otherLatest) ? NothingKnown : otherLatest;
            features[(int)s] = new PupilFeatures(
                s,
                latest,
                own.Count > 0 ? (float)own.RecentMean : latest,
                own.Count > 0 ? (float)own.Slope : otherSlope,
                own.Count,
                own.Count > 0 ? (float)own.YearsSince(asOf) : 3f,
                float.IsNaN(otherLatest) ? latest : otherLatest,
                otherSlope,
                own.Count > 0 ? 0f : 1f,
                others.Length > 0 ? 0f : 1f,
                yearsToOutflow);
        }

        return features;
    }

    /// <summary>One subject's results up to the date, reduced to level, trend and recency.</summary>
    private readonly record struct SubjectLine(int Count, double Latest, double RecentMean, double Slope, DateOnly LatestOn)
    {
        public double YearsSince(DateOnly asOf) => (asOf.DayNumber - LatestOn.DayNumber) / 365.0;

        public static SubjectLine Of(IReadOnlyList<ScaledResult> results, Subject subject, DateOnly asOf)
        {
            // Histories are short (at most ~12 results per subject): a small sorted copy is cheaper than LINQ.
            var buffer = new List<(int Day, double Time, double Value)>(12);
            foreach (var r in results)
            {
                if (r.Subject != subject)
                {
                    continue;
                }

                var on = TakenOn(r);
                if (on <= asOf)
                {
                    buffer.Add((on.DayNumber, r.Moment.Time, r.Uniform));
                }
            }

            if (buffer.Count == 0)
            {
                return default;
            }

            buffer.Sort((a, b) => a.Day.CompareTo(b.Day));
            var last = buffer[^1];
            var recent = buffer.Skip(Math.Max(0, buffer.Count - 3)).Average(x => x.Value);

            // Least-squares slope per year of school over the recent window.
            var window = buffer.Where(x => x.Time >= last.Time - SlopeWindowYears).ToList();
            double slope = 0;
            if (window.Count >= 2)
            {
                var mt = window.Average(x => x.Time);
                var mv = window.Average(x => x.Value);
                var sxx = window.Sum(x => (x.Time - mt) * (x.Time - mt));
                slope = sxx > 1e-9 ? window.Sum(x => (x.Time - mt) * (x.Value - mv)) / sxx : 0;
            }

            return new SubjectLine(buffer.Count, last.Value, recent, slope, DateOnly.FromDayNumber(last.Day));
        }
    }
}
