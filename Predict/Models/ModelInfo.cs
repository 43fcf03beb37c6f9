using Uitstroom.Predict.Backtest;

namespace Uitstroom.Predict.Models;

/// <summary>
/// What a model version is: which learner, trained on which cohorts (and for which board, or the whole platform),
/// and the backtest figures it earned. Stored beside the learner files (see <see cref="ModelStore"/>).
/// </summary>
public sealed record ModelInfo(
    string Version,
    string Learner,
    string Scope,
    IReadOnlyList<int> TrainedOutflowYears,
    int CalibrationOutflowYear,
    int Pupils,
    DateTimeOffset CreatedUtc,
    BacktestSummary? Backtest);
