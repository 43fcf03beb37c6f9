namespace Uitstroom.Predict.Backtest;

/// <summary>Scores of one forecaster on one slice. Sensitivity and specificity are of "will miss the level" at p &lt; ½.</summary>
public sealed record Scores(int N, double Brier, double LogLoss, double Auc, double Sensitivity, double Specificity);

/// <summary>
/// One probability decile (equal numbers of rows, by predicted probability): predicted and observed shares. The
/// standard error is the observed share's, with the rows clustered by school-year (pupils of one school-year share its
/// swing, so they are not independent draws); 0 where no clusters were given.
/// </summary>
public sealed record CalibrationBin(int Decile, int N, double MeanPredicted, double Observed, double StandardError = 0);

/// <summary>One subject × target × test moment of a backtest, beside both baselines.</summary>
public sealed record BacktestRow(
    string Subject,
    string Target,
    string Moment,
    Scores Model,
    Scores CarryForward,
    Scores Logistic,
    IReadOnlyList<CalibrationBin> Calibration);

/// <summary>
/// The school level of a backtest: how often the 80% and 95% ranges held the realised pooled percentage, and how
/// the probability of ending below a signaleringswaarde did against the rule "below on the last three years".
/// </summary>
public sealed record SchoolBacktest(
    int SchoolYears,
    double Coverage80,
    double Coverage95,
    int Judgements,
    double BrierBelow,
    double BrierRule,
    IReadOnlyList<CalibrationBin> BelowCalibration);

/// <summary>
/// What a temporal backtest measured, pooled over <see cref="TestOutflowYears"/>: each test year Y scored by a model
/// trained on the outflow years before Y. Pooling several years is what lets calibration be judged at all: one
/// year's level is mostly that year's national luck, which no model can know in advance (docs/forecast.md).
/// <see cref="LevelErrorByYear"/> is that luck: observed minus mean predicted share, per test year, in points.
/// <see cref="ByYear"/> keeps every test year's own rows and school level beside the pooled ones, so a bad year is
/// seen, not averaged away (null in summaries stored before it existed).
/// </summary>
public sealed record BacktestSummary(
    IReadOnlyList<int> TestOutflowYears,
    string Learner,
    IReadOnlyList<BacktestRow> Rows,
    SchoolBacktest? Schools,
    IReadOnlyDictionary<string, double> MeanBrierByLearner,
    IReadOnlyDictionary<int, double> LevelErrorByYear,
    IReadOnlyList<YearBacktest>? ByYear = null);

/// <summary>
/// One test year of a rolling-origin backtest: scored by a model trained only on the outflow years before it. Its
/// calibration moves as a whole with that year's national level (<see cref="LevelError"/>, points), which is why the
/// acceptance is judged on the pooled figures and these are shown beside them.
/// </summary>
public sealed record YearBacktest(int OutflowYear, double LevelError, IReadOnlyList<BacktestRow> Rows, SchoolBacktest? Schools);
