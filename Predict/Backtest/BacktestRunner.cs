using Uitstroom.Domain.Histories;
using Uitstroom.Domain.Inspectie;
using Uitstroom.Domain.Vocabulary;
using Uitstroom.Predict.Forecasting;
using Uitstroom.Predict.Schools;
using Uitstroom.Predict.Training;

namespace Uitstroom.Predict.Backtest;

/// <summary>
/// The temporal backtest: train on the cohorts whose outflow year is before Y, replay cohort Y at every peildatum
/// from M5 to M8 and score what the model said against what happened, beside carry-forward ("the level the pupil
/// is on track for now is the level it reaches") and a logistic baseline on the latest result alone. The school
/// level replays the same peildata through <see cref="SchoolForecaster"/>. Simplification, as the issue asks: the
/// training cohorts are all of Y−1 and before, even at M5 of cohort Y when Y−1's outflow was not yet known.
/// </summary>
public static class BacktestRunner
{
    private const int BaselineRows = 150_000;

    public static (BacktestSummary Summary, ForecastModel Model) Run(
        IReadOnlyList<PupilHistory> histories, IReadOnlyDictionary<SchoolId, SchoolInfo> schools, int testYear,
        TrainingOptions options, Signaleringswaarden signaleringswaarden, CancellationToken ct = default)
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

        var rows = new List<BacktestRow>();
        rows.AddRange(ScoreTarget(Target.Fundamental, model.Fundamental, testF, baseF));
        rows.AddRange(ScoreTarget(Target.Streef, model.Streef, testS, baseS));
        ct.ThrowIfCancellationRequested();

        var schoolLevel = SchoolLevel(model, histories, test, schools, testYear, signaleringswaarden);
        var meanBrier = new Dictionary<string, double> { [options.Learner.Code()] = rows.Average(r => r.Model.Brier) };
        return (new BacktestSummary(testYear, options.Learner.Code(), rows, schoolLevel, meanBrier), model);
    }

    private static IEnumerable<BacktestRow> ScoreTarget(Target target, BinaryModel model, List<Example> test, List<Example> baseline)
    {
        var p = model.Probabilities([.. test.Select(e => e.Features)]);
        var cut = target == Target.Fundamental ? 100f : 200f;
        foreach (var group in test.Select((e, i) => (e, i)).GroupBy(x => (x.e.Subject, x.e.Moment)).OrderBy(g => g.Key.Subject).ThenBy(g => g.Key.Moment))
        {
            var (subject, moment) = group.Key;
            var y = group.Select(x => x.e.Reached).ToArray();
            var pm = group.Select(x => p[x.i]).ToArray();
            var carry = group.Select(x => x.e.Features[0] >= cut ? 1.0 : 0.0).ToArray();
            var fitted = baseline.Where(e => e.Subject == subject && e.Moment == moment).ToArray();
            var logistic = PlattCalibrator.Fit([.. fitted.Select(e => e.Features[0] / 100f)], [.. fitted.Select(e => e.Reached)]);
            var pl = group.Select(x => logistic.Apply(x.e.Features[0] / 100f)).ToArray();
            yield return new BacktestRow(
                subject.Code(), target.Code(), moment.ToString(),
                Metrics.Score(pm, y), Metrics.Score(carry, y), Metrics.Score(pl, y), Metrics.Calibration(pm, y));
        }
    }

    private static SchoolBacktest? SchoolLevel(
        ForecastModel model, IReadOnlyList<PupilHistory> all, PupilHistory[] test,
        IReadOnlyDictionary<SchoolId, SchoolInfo> schools, int testYear, Signaleringswaarden signaleringswaarden)
    {
        var tallies = Tallies.BySchoolAndYear(all);
        var forecaster = new SchoolForecaster(signaleringswaarden, model.SwingFundamental, model.SwingStreef);
        var testYearValue = new SchoolYear(testYear);
        int schoolYears = 0, in80 = 0, in95 = 0;
        var pBelow = new List<double>();
        var rule = new List<double>();
        var below = new List<bool>();
        foreach (var moment in Peildata.Moments)
        {
            var asOf = Peildata.After(moment, testYearValue);
            foreach (var group in model.Predict(test, asOf).GroupBy(f => f.School))
            {
                if (!schools.TryGetValue(group.Key, out var info) || !tallies.TryGetValue(group.Key, out var byYear)
                    || !byYear.TryGetValue(testYearValue, out var realised) || realised.Pupils == 0)
                {
                    continue;
                }

                var known = byYear.Values.Where(t => t.Year < testYearValue).ToArray();
                var outlook = forecaster.Forecast(info, [.. group], known, asOf);
                var pooled = outlook.Years.Single(y => y.OutflowYear == testYearValue && y.Subject is null);
                foreach (var indicator in Domain.Inspectie.Indicators.All)
                {
                    var range = indicator == Indicator.Fundamental ? pooled.Fundamental : pooled.Streef;
                    var value = realised.Percent(indicator);
                    schoolYears++;
                    in80 += range.Contains80(value) ? 1 : 0;
                    in95 += range.Contains95(value) ? 1 : 0;
                }

                var truth = Judge(byYear, info, testYearValue, signaleringswaarden);
                var before = Judge(byYear, info, testYearValue.Previous, signaleringswaarden);
                foreach (var projected in outlook.Indicators.Where(i => i.JudgementYear == testYearValue && i.ProbabilityBelow is not null))
                {
                    if (Verdict(truth[projected.Indicator]) is { } isBelow && Verdict(before[projected.Indicator]) is { } wasBelow)
                    {
                        pBelow.Add(projected.ProbabilityBelow!.Value);
                        below.Add(isBelow);
                        rule.Add(wasBelow ? 1 : 0);
                    }
                }
            }
        }

        if (schoolYears == 0)
        {
            return null;
        }

        return new SchoolBacktest(
            schoolYears / 2, in80 / (double)schoolYears, in95 / (double)schoolYears, pBelow.Count,
            Metrics.Score(pBelow, below).Brier, Metrics.Score(rule, below).Brier, Metrics.Calibration(pBelow, below));
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
}
