using Uitstroom.Domain.Inspectie;
using Uitstroom.Domain.Vocabulary;

namespace Uitstroom.Simulation.Realism;

/// <summary>One statistic of the simulated world beside the real one, with the tolerance it must fall within.</summary>
public sealed record RealismStatistic(string Name, double Simulated, double Real, double Tolerance)
{
    public bool WithinTolerance => Math.Abs(Simulated - Real) <= Tolerance;
}

/// <summary>
/// The same statistics as <c>shared/tools/sim-realism</c> (the acceptance check), computed in memory from the
/// published outflow while a world is written: national shares per subject, the school-year distribution of %1F and
/// %1S/2F, their year-to-year correlation, and over the last three years the slope on schoolweging and the share of
/// schools below the signaleringswaarden. Real values: DUO/Inspectie 2023–2025 (domain.md §2, §4, §7).
/// </summary>
public sealed class RealismCheck(SimulationOptions options)
{
    private readonly Dictionary<(int School, int Year), Tally> _tallies = [];
    private readonly Dictionary<int, double> _schoolweging = [];
    private readonly long[,] _national = new long[3, 3];

    private sealed class Tally
    {
        public int Pupils;
        public int Results;
        public int Fundamental;
        public int Target;
    }

    public void Observe(SimulatedSchool school)
    {
        _schoolweging[school.Index] = school.Schoolweging;
        foreach (var pupil in school.Pupils)
        {
            if (pupil.OutflowYear is not { } year || year >= options.CurrentYear || year < options.FirstYear || pupil.Outflow[0].Exempt)
            {
                continue;
            }

            if (!_tallies.TryGetValue((school.Index, year.StartYear), out var tally))
            {
                _tallies[(school.Index, year.StartYear)] = tally = new Tally();
            }

            tally.Pupils++;
            foreach (var o in pupil.Outflow)
            {
                var level = o.Level!.Value;
                tally.Results++;
                var fundamental = level.ReachesFundamental();
                var target = level.ReachesTarget(o.Subject);
                tally.Fundamental += fundamental ? 1 : 0;
                tally.Target += target ? 1 : 0;
                _national[(int)o.Subject, target ? 2 : fundamental ? 1 : 0]++;
            }
        }
    }

    public IReadOnlyList<RealismStatistic> Statistics()
    {
        var stats = new List<RealismStatistic>();
        (Subject Subject, double[] Real)[] shares =
        [
            (Subject.Rekenen, [7, 47, 45]), (Subject.Lezen, [2, 24, 74]), (Subject.Taalverzorging, [2, 34, 63]),
        ];
        string[] names = ["<1F", "1F", "target"];
        foreach (var (subject, real) in shares)
        {
            var s = (int)subject;
            double n = Math.Max(1, _national[s, 0] + _national[s, 1] + _national[s, 2]);
            for (var k = 0; k < 3; k++)
            {
                stats.Add(new($"national {subject.Code()} {names[k]} %", 100 * _national[s, k] / n, real[k], 2.5));
            }
        }

        var years = _tallies.Keys.Select(k => k.Year).Distinct().Order().ToList();
        var last3 = years.TakeLast(3).ToList();
        var per = _tallies.Where(t => t.Value.Results > 0).ToDictionary(t => t.Key, t => (
            F: 100.0 * t.Value.Fundamental / t.Value.Results, T: 100.0 * t.Value.Target / t.Value.Results, t.Value.Pupils));
        var recent = per.Where(p => last3.Contains(p.Key.Year)).Select(p => p.Value).ToList();
        stats.Add(new("school yearly %1F mean", recent.Average(x => x.F), 95.8, 1.0));
        stats.Add(new("school yearly %1F sd", Sd(recent.Select(x => x.F)), 4.3, 1.2));
        stats.Add(new("school yearly %1S/2F mean", recent.Average(x => x.T), 57.4, 3.0));
        stats.Add(new("school yearly %1S/2F sd", Sd(recent.Select(x => x.T)), 14.5, 2.0));

        var (y1, y2) = (last3[^2], last3[^1]);
        var both = per.Keys.Where(k => k.Year == y2 && per.TryGetValue((k.School, y1), out var a) && a.Pupils >= 10 && per[k].Pupils >= 10)
            .Select(k => k.School).Order().ToList();
        stats.Add(new("year-to-year r %1F", Correlation([.. both.Select(s => per[(s, y1)].F)], [.. both.Select(s => per[(s, y2)].F)]), 0.30, 0.10));
        stats.Add(new("year-to-year r %1S/2F", Correlation([.. both.Select(s => per[(s, y1)].T)], [.. both.Select(s => per[(s, y2)].T)]), 0.50, 0.10));

        var pooled = new List<(double Weging, double F, double T)>();
        foreach (var school in _schoolweging.Keys.Order())
        {
            var keys = last3.Select(y => (school, y)).Where(_tallies.ContainsKey).ToList();
            if (keys.Count < 3 || keys.Sum(k => _tallies[k].Pupils) < 15)
            {
                continue;
            }

            double n = keys.Sum(k => _tallies[k].Results);
            pooled.Add((_schoolweging[school], 100 * keys.Sum(k => _tallies[k].Fundamental) / n, 100 * keys.Sum(k => _tallies[k].Target) / n));
        }

        var mw = pooled.Average(p => p.Weging);
        var mt = pooled.Average(p => p.T);
        var slope = pooled.Sum(p => (p.Weging - mw) * (p.T - mt)) / pooled.Sum(p => (p.Weging - mw) * (p.Weging - mw));
        var sig = Signaleringswaarden.Judgement2025;
        stats.Add(new("3-year %1S/2F slope on schoolweging", slope, -1.87, 0.5));
        stats.Add(new("3-year share below 85% on 1F (%)", 100.0 * pooled.Count(p => p.F < 85) / pooled.Count, 1.1, 1.4));
        stats.Add(new("3-year share below 1S/2F signaleringswaarde (%)", 100.0 * pooled.Count(p => p.T < sig.TargetPercent(p.Weging)) / pooled.Count, 11.8, 4.0));
        return stats;
    }

    private static double Sd(IEnumerable<double> values)
    {
        var list = values.ToList();
        var mean = list.Average();
        return Math.Sqrt(list.Sum(v => (v - mean) * (v - mean)) / (list.Count - 1));
    }

    private static double Correlation(double[] a, double[] b)
    {
        var (ma, mb) = (a.Average(), b.Average());
        var cov = a.Zip(b).Sum(p => (p.First - ma) * (p.Second - mb));
        return cov / Math.Sqrt(a.Sum(x => (x - ma) * (x - ma)) * b.Sum(y => (y - mb) * (y - mb)));
    }
}
