using Uitstroom.Contracts.Predict.V1;
using Uitstroom.Domain.Inspectie;
using Uitstroom.Domain.Vocabulary;
using Uitstroom.Predict.Backtest;
using Uitstroom.Predict.Forecasting;
using Uitstroom.Predict.Models;
using Uitstroom.Predict.Schools;

namespace Uitstroom.Predict.Services;

/// <summary>Domain results to their wire messages: the only place the generated types meet the forecast.</summary>
public static class ForecastMapping
{
    public static PupilForecastMessage ToMessage(PupilForecast p, string? schoolPupilId) => new()
    {
        Brin = p.School.Brin,
        Vestiging = p.School.Vestiging,
        PupilKey = p.PupilKey,
        SchoolPupilId = schoolPupilId ?? "",
        Subject = p.Subject.Code(),
        Groep = p.Groep,
        OutflowYear = p.OutflowYear.StartYear,
        P1F = p.PFundamental,
        PStreef = p.PStreef,
    };

    public static SchoolForecastMessage ToMessage(SchoolOutlook s)
    {
        var m = new SchoolForecastMessage
        {
            Brin = s.School.Id.Brin,
            Vestiging = s.School.Id.Vestiging,
            Status = s.Status.ToString().ToLowerInvariant(),
            MaxProbabilityBelow = s.MaxProbabilityBelow,
        };
        if (s.School.Schoolweging is { } w)
        {
            m.Schoolweging = w;
        }

        m.Years.AddRange(s.Years.Select(y => new YearOutlookMessage
        {
            OutflowYear = y.OutflowYear.StartYear,
            GroepNow = y.GroepNow,
            Subject = y.Subject?.Code() ?? "",
            Pupils = y.Pupils,
            Fundamental = ToMessage(y.Fundamental),
            Streef = ToMessage(y.Streef),
            AtRiskFundamental = y.AtRiskFundamental,
            AtRiskStreef = y.AtRiskStreef,
        }));
        m.Indicators.AddRange(s.Indicators.Select(ToMessage));
        m.Gaps.AddRange(s.Gaps.Select(g => new GapMessage
        {
            JudgementYear = g.JudgementYear.StartYear,
            Indicator = g.Indicator.Label(),
            ExtraResults = g.ExtraResults,
            Where =
            {
                g.Where.Select(w => new GapShareMessage
                {
                    OutflowYear = w.OutflowYear.StartYear,
                    GroepNow = w.GroepNow,
                    Subject = w.Subject.Code(),
                    Extra = w.Extra,
                    WithinReach = w.WithinReach,
                }),
            },
        }));
        return m;
    }

    private static IndicatorOutlookMessage ToMessage(IndicatorOutlook i)
    {
        var m = new IndicatorOutlookMessage
        {
            JudgementYear = i.JudgementYear.StartYear,
            Indicator = i.Indicator.Label(),
            Value = ToMessage(i.Value),
            ExpectedOutcome = i.ExpectedOutcome.Label(),
        };
        m.Years.AddRange(i.Years.Select(y => new JudgedYearSource { OutflowYear = y.Year.StartYear, Source = y.Source.ToString().ToLowerInvariant() }));
        if (i.Signaleringswaarde is { } s)
        {
            m.Signaleringswaarde = s;
        }

        if (i.ProbabilityBelow is { } p)
        {
            m.ProbabilityBelow = p;
        }

        return m;
    }

    private static Contracts.Predict.V1.PercentRange ToMessage(Schools.PercentRange r) => new()
    {
        Expected = r.Expected,
        Low80 = r.Low80,
        High80 = r.High80,
        Low95 = r.Low95,
        High95 = r.High95,
    };

    public static ModelMessage ToMessage(ModelInfo i, bool current)
    {
        var m = new ModelMessage
        {
            Version = i.Version,
            Learner = i.Learner,
            Scope = i.Scope,
            CalibrationOutflowYear = i.CalibrationOutflowYear,
            Pupils = i.Pupils,
            CreatedUtc = i.CreatedUtc.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            Current = current,
        };
        m.TrainedOutflowYears.AddRange(i.TrainedOutflowYears);
        if (i.Backtest is { } b)
        {
            m.Backtest = ToMessage(b);
        }

        return m;
    }

    public static BacktestMessage ToMessage(BacktestSummary s)
    {
        var m = new BacktestMessage { Learner = s.Learner };
        m.TestOutflowYears.AddRange(s.TestOutflowYears);
        m.Rows.AddRange(s.Rows.Select(ToMessage));
        if (s.Schools is { } k)
        {
            m.Schools = ToMessage(k);
        }

        foreach (var y in s.ByYear ?? [])
        {
            var year = new BacktestYearMessage { OutflowYear = y.OutflowYear, LevelError = y.LevelError, Rows = { y.Rows.Select(ToMessage) } };
            if (y.Schools is { } ys)
            {
                year.Schools = ToMessage(ys);
            }

            m.Years.Add(year);
        }

        foreach (var (learner, brier) in s.MeanBrierByLearner)
        {
            m.MeanBrierByLearner[learner] = brier;
        }

        foreach (var (year, error) in s.LevelErrorByYear)
        {
            m.LevelErrorByYear[year] = error;
        }

        return m;
    }

    private static BacktestRowMessage ToMessage(BacktestRow r) => new()
    {
        Subject = r.Subject,
        Target = r.Target,
        Moment = r.Moment,
        Model = ToMessage(r.Model),
        CarryForward = ToMessage(r.CarryForward),
        Logistic = ToMessage(r.Logistic),
        Calibration = { r.Calibration.Select(ToMessage) },
    };

    private static SchoolBacktestMessage ToMessage(SchoolBacktest k) => new()
    {
        SchoolYears = k.SchoolYears,
        Coverage80 = k.Coverage80,
        Coverage95 = k.Coverage95,
        Judgements = k.Judgements,
        BrierBelow = k.BrierBelow,
        BrierRule = k.BrierRule,
        BelowCalibration = { k.BelowCalibration.Select(ToMessage) },
    };

    private static ScoresMessage ToMessage(Scores s) => new()
    {
        N = s.N,
        Brier = s.Brier,
        LogLoss = s.LogLoss,
        Auc = s.Auc,
        Sensitivity = s.Sensitivity,
        Specificity = s.Specificity,
    };

    private static CalibrationBinMessage ToMessage(CalibrationBin b) => new()
    {
        Decile = b.Decile,
        N = b.N,
        MeanPredicted = b.MeanPredicted,
        Observed = b.Observed,
    };
}
