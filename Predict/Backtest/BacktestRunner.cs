using Uitstroom.Domain.Histories;
using Uitstroom.Domain.Inspectie;
using Uitstroom.Domain.Vocabulary;
using Uitstroom.Predict.Forecasting;
using Uitstroom.Predict.Schools;
using Uitstroom.Predict.Training;

namespace Uitstroom.Predict.Backtest;

/// <summary>
/// The temporal backtest: for each test year Y, train on the cohorts whose outflow year is before Y, replay cohort Y
/// at every peildatum from M5 to M8 and score what the model said against what happened, beside carry-forward ("the
/// level the pupil is on track for now is the level it reaches") and a logistic baseline on the latest result alone.
/// The school level replays the same peildata through <see cref="SchoolForecaster"/>. Simplification, as the issue
/// asks: the training cohorts are all of Y−1 and before, even at M5 of cohort Y when Y−1's outflow was not yet known.
/// </summary>
public static class BacktestRunner
{
    private const int BaselineRows = 150_000;

    /// <summary>The last <paramref name="years"/> outflow years with known results: the default test years.</summary>
    public static int[] LatestYears(IReadOnlyList<PupilHistory> histories, int years) =>
        [.. histories.Where(h => h.Outflow.Count > 0).Select(h => h.OutflowYear.StartYear).Distinct().Order().TakeLast(years)];

    public static (BacktestSummary Summary, ForecastModel LastModel) Run(
        IReadOnlyList<PupilHistory> histories, IReadOnlyDictionary<SchoolId, SchoolInfo> schools, IReadOnlyList<int> testYears,
        TrainingOptions options, Signaleringswaarden signaleringswaarden, CancellationToken ct = default)
    {
        var pupil = new Dictionary<(Subject, Target, TestMoment), Slice>();
        var school = new SchoolSlice();
        var level = new Dictionary<int, double>();
        var byYear = new List<YearBacktest>();
        ForecastModel? last = null;
        var tallies = Tallies.BySchoolAndYear(histories);
        foreach (var testYear in testYears.Order())
        {
            var train = histories.Where(h => h.Outflow.Count > 0 && h.OutflowYear.StartYear < testYear).ToArray();
            var test = histories.Where(h => h.Outflow.Count > 0 && h.OutflowYear.StartYear == testYear).ToArray();
            if (test.Length == 0)
            {
                throw new InvalidOperationException($"no pupils with outflow results in {new SchoolYear(testYear)} to test on");
            }

            var model = ModelTrainer.Train(train, options, $"backtest-{testYear}-{options.Learner.Code()}", ct: ct);
            ct.ThrowIfCancellationRequested();

            // The logistic baseline learns how the latest result maps to the outcome, per moment, on the latest cohort.
            var baselineCohort = train.Where(h => h.OutflowYear.StartYear == model.Info.CalibrationOutflowYear).ToArray();
            var (baseF, baseS) = Examples.Build(baselineCohort, BaselineRows, options.Seed + 2);
            var (testF, testS) = Examples.Build(test);
            var (p, y) = (0.0, 0.0);
            var yearPupil = new Dictionary<(Subject, Target, TestMoment), Slice>();
            var yearSchool = new SchoolSlice();
            foreach (var (target, m, rows, baseline) in new[] { (Target.Fundamental, model.Fundamental, testF, baseF), (Target.Streef, model.Streef, testS, baseS) })
            {
                var (sp, sy) = Collect([pupil, yearPupil], target, m, rows, baseline, e => ClusterOf(test[e.Pupil].School, testYear));
                p += sp;
                y += sy;
            }

            level[testYear] = 100 * (y - p) / (testF.Count + testS.Count);
            ct.ThrowIfCancellationRequested();
            SchoolLevel([school, yearSchool], model, tallies, test, schools, testYear, signaleringswaarden);
            byYear.Add(new YearBacktest(testYear, level[testYear], Rows(yearPupil), yearSchool.Summary()));
            last = model;
        }

        var result = Rows(pupil);
        var meanBrier = new Dictionary<string, double> { [options.Learner.Code()] = result.Average(r => r.Model.Brier) };
        return (new BacktestSummary([.. testYears.Order()], options.Learner.Code(), result, school.Summary(), meanBrier, level, byYear), last!);
    }

    private static List<BacktestRow> Rows(Dictionary<(Subject, Target, TestMoment), Slice> slices) =>
        [.. slices.OrderBy(k => k.Key.Item2).ThenBy(k => k.Key.Item1).ThenBy(k => k.Key.Item3)
            .Select(k => k.Value.Row(k.Key.Item1, k.Key.Item2, k.Key.Item3))];

    /// <summary>Scores one target's rows into each set of slices (pooled, this year); returns Σp and Σy for the year's level error.</summary>
    private static (double P, double Y) Collect(
        Dictionary<(Subject, Target, TestMoment), Slice>[] sets, Target target, BinaryModel model, List<Example> test, List<Example> baseline,
        Func<Example, int> cluster)
    {
        var p = model.Probabilities([.. test.Select(e => e.Features)]);
        var cut = target == Target.Fundamental ? 100f : 200f;
        var logistic = baseline.GroupBy(e => (e.Subject, e.Moment)).ToDictionary(
            g => g.Key, g => PlattCalibrator.Fit([.. g.Select(e => e.Features[0] / 100f)], [.. g.Select(e => e.Reached)]));
        double sp = 0, sy = 0;
        for (var i = 0; i < test.Count; i++)
        {
            var e = test[i];
            var lp = logistic.TryGetValue((e.Subject, e.Moment), out var l) ? l.Apply(e.Features[0] / 100f) : p[i];
            foreach (var slices in sets)
            {
                var slice = slices.TryGetValue((e.Subject, target, e.Moment), out var s) ? s : slices[(e.Subject, target, e.Moment)] = new Slice();
                slice.Model.Add(p[i]);
                slice.Carry.Add(e.Features[0] >= cut ? 1 : 0);
                slice.Logistic.Add(lp);
                slice.Reached.Add(e.Reached);
                slice.Cluster.Add(cluster(e));
            }

            sp += p[i];
            sy += e.Reached ? 1 : 0;
        }

        return (sp, sy);
    }

    private static void SchoolLevel(
        SchoolSlice[] slices, ForecastModel model, Dictionary<SchoolId, Dictionary<SchoolYear, YearTally>> tallies, PupilHistory[] test,
        IReadOnlyDictionary<SchoolId, SchoolInfo> schools, int testYear, Signaleringswaarden signaleringswaarden)
    {
        var forecaster = new SchoolForecaster(signaleringswaarden, model.SwingFundamental, model.SwingStreef);
        var year = new SchoolYear(testYear);
        foreach (var moment in Peildata.Moments)
        {
            var asOf = Peildata.After(moment, year);
            foreach (var group in model.Predict(test, asOf).GroupBy(f => f.School))
            {
                if (!schools.TryGetValue(group.Key, out var info) || !tallies.TryGetValue(group.Key, out var byYear)
                    || !byYear.TryGetValue(year, out var realised) || realised.Pupils == 0)
                {
                    continue;
                }

                var known = byYear.Values.Where(t => t.Year < year).ToArray();
                var outlook = forecaster.Forecast(info, [.. group], known, asOf);
                var pooled = outlook.Years.Single(y => y.OutflowYear == year && y.Subject is null);
                foreach (var indicator in IndicatorLabels.All)
                {
                    var range = indicator == Indicator.Fundamental ? pooled.Fundamental : pooled.Streef;
                    var value = realised.Percent(indicator);
                    foreach (var slice in slices)
                    {
                        slice.Ranges++;
                        slice.In80 += range.Contains80(value) ? 1 : 0;
                        slice.In95 += range.Contains95(value) ? 1 : 0;
                    }
                }

                var truth = Judge(byYear, info, year, signaleringswaarden);
                var before = Judge(byYear, info, year.Previous, signaleringswaarden);
                foreach (var projected in outlook.Indicators.Where(i => i.JudgementYear == year && i.ProbabilityBelow is not null))
                {
                    if (Verdict(truth[projected.Indicator]) is { } isBelow && Verdict(before[projected.Indicator]) is { } wasBelow)
                    {
                        foreach (var slice in slices)
                        {
                            slice.PBelow.Add(projected.ProbabilityBelow!.Value);
                            slice.Below.Add(isBelow);
                            slice.Rule.Add(wasBelow ? 1 : 0);
                        }
                    }
                }
            }
        }
    }

    private static SchoolJudgement Judge(
        Dictionary<SchoolYear, YearTally> byYear, SchoolInfo info, SchoolYear judgementYear, Signaleringswaarden s)
    {
        JudgedYear Year(int back) => byYear.TryGetValue(judgementYear.Plus(-back), out var t) ? JudgedYear.Known(t) : JudgedYear.Missing(judgementYear.Plus(-back));
        return Judgement.Judge(new SchoolEvidence([Year(2), Year(1), Year(0)], info.Schoolweging, [Year(4), Year(3)]), s);
    }

    /// <summary>Below or not, where the Inspectie would say so; null for te weinig gegevens or an undecided small school.</summary>
    private static bool? Verdict(IndicatorJudgement j) => (j.Outcome == Outcome.KleineSchool ? j.FiveYear : j.Outcome) switch
    {
        Outcome.Onder => true,
        Outcome.Boven => false,
        _ => null,
    };

    /// <summary>One id per school × outflow year, for clustered standard errors.</summary>
    private static int ClusterOf(SchoolId school, int year) => HashCode.Combine(school, year);

    /// <summary>Every forecast of one subject × target × moment, over all test years.</summary>
    private sealed class Slice
    {
        public List<double> Model { get; } = [];

        public List<double> Carry { get; } = [];

        public List<double> Logistic { get; } = [];

        public List<bool> Reached { get; } = [];

        /// <summary>The school-year each row belongs to: its pupils share that year's swing.</summary>
        public List<int> Cluster { get; } = [];

        public BacktestRow Row(Subject subject, Target target, TestMoment moment) =>
            new(subject.Code(), target.Code(), moment.ToString(),
                Metrics.Score(Model, Reached), Metrics.Score(Carry, Reached), Metrics.Score(Logistic, Reached),
                Metrics.Calibration(Model, Reached, clusters: Cluster));
    }

    private sealed class SchoolSlice
    {
        public int Ranges { get; set; }

        public int In80 { get; set; }

        public int In95 { get; set; }

        public List<double> PBelow { get; } = [];

        public List<double> Rule { get; } = [];

        public List<bool> Below { get; } = [];

        public SchoolBacktest? Summary() => Ranges == 0
            ? null
            : new SchoolBacktest(Ranges / 2, In80 / (double)Ranges, In95 / (double)Ranges, PBelow.Count,
                Metrics.Score(PBelow, Below).Brier, Metrics.Score(Rule, Below).Brier, Metrics.Calibration(PBelow, Below));
    }
}
