namespace Uitstroom.Predict.Backtest;

/// <summary>Scores of one forecaster on one slice. Sensitivity and specificity are of "will miss the level" at p &lt; ½.</summary>
public sealed record Scores(int N, double Brier, double LogLoss, double Auc, double Sensitivity, double Specificity);

/// <summary>One probability decile (equal numbers of rows, by predicted probability): predicted and observed shares.</summary>
public sealed record CalibrationBin(int Decile, int N, double MeanPredicted, double Observed);

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

/// <summary>What one temporal backtest measured: trained on outflow years before <see cref="TestOutflowYear"/>.</summary>
public sealed record BacktestSummary(
    int TestOutflowYear,
    string Learner,
    IReadOnlyList<BacktestRow> Rows,
    SchoolBacktest? Schools,
    IReadOnlyDictionary<string, double> MeanBrierByLearner);
