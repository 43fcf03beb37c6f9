using Uitstroom.Domain.Histories;
using Uitstroom.Domain.Inspectie;
using Uitstroom.Domain.Vocabulary;
using Uitstroom.Predict.Backtest;
using Uitstroom.Predict.Forecasting;
using Uitstroom.Predict.Models;
using Uitstroom.Predict.Schools;

namespace Uitstroom.Predict.Training;

/// <summary>
/// Training and backtesting on the platform's data: by default the finished cohorts of every board, or one board's.
/// The learner is chosen by backtest (lowest mean Brier score over subjects, targets and moments).
/// </summary>
public sealed class ModelTraining(IPupilHistorySource source, ModelStore store, Signaleringswaarden signaleringswaarden, TimeProvider clock)
{
    public const int DefaultTestYears = 3;

    public async Task<ForecastModel> TrainAsync(Learner? learner, string? bgnr, bool withBacktest, CancellationToken ct)
    {
        var (histories, schools, scope) = await LoadAsync(bgnr, ct).ConfigureAwait(false);
        // Without a learner named, the one the latest backtest chose; FastTree before any backtest.
        var lastBacktest = store.List().FirstOrDefault(i => i.Backtest is not null)?.Backtest;
        var chosen = learner ?? (lastBacktest is not null ? Learners.Parse(lastBacktest.Learner) : Learner.FastTree);
        BacktestSummary? backtest = null;
        if (withBacktest)
        {
            backtest = Backtest(histories, schools, learner, DefaultTestYears, ct);
            chosen = Learners.Parse(backtest.Learner);
        }

        var version = $"{clock.GetUtcNow():yyyyMMdd-HHmmss}-{chosen.Code()}";
        var model = await Task.Run(() => ModelTrainer.Train(histories, new TrainingOptions { Learner = chosen }, version, scope, ct), ct).ConfigureAwait(false);
        model = model.WithInfo(model.Info with { Backtest = backtest });
        store.Save(model);
        return model;
    }

    public async Task<BacktestSummary> BacktestAsync(Learner? learner, string? bgnr, int testYears, CancellationToken ct)
    {
        var (histories, schools, _) = await LoadAsync(bgnr, ct).ConfigureAwait(false);
        return await Task.Run(() => Backtest(histories, schools, learner, testYears, ct), ct).ConfigureAwait(false);
    }

    /// <summary>One learner's backtest, or every learner's with the best one's figures and the comparison.</summary>
    public BacktestSummary Backtest(
        IReadOnlyList<PupilHistory> histories, IReadOnlyDictionary<SchoolId, SchoolInfo> schools, Learner? learner, int testYears, CancellationToken ct)
    {
        var years = BacktestRunner.LatestYears(histories, Math.Max(1, testYears));
        if (years.Length == 0 || years[0] == histories.Where(h => h.Outflow.Count > 0).Min(h => h.OutflowYear.StartYear))
        {
            throw new InvalidOperationException("a backtest needs at least two outflow years with results: one to train on, one to test");
        }

        var candidates = learner is { } l ? [l] : Learners.All;
        BacktestSummary? best = null;
        var brier = new Dictionary<string, double>();
        foreach (var c in candidates)
        {
            var (summary, _) = BacktestRunner.Run(histories, schools, years, new TrainingOptions { Learner = c }, signaleringswaarden, ct);
            brier[c.Code()] = summary.MeanBrierByLearner[c.Code()];
            if (best is null || brier[c.Code()] < brier[best.Learner])
            {
                best = summary;
            }
        }

        return best! with { MeanBrierByLearner = brier };
    }

    private async Task<(IReadOnlyList<PupilHistory>, IReadOnlyDictionary<SchoolId, SchoolInfo>, string)> LoadAsync(string? bgnr, CancellationToken ct)
    {
        var boards = bgnr is { Length: > 0 } b ? [BoardNumber.Parse(b)] : await source.BoardsAsync(ct).ConfigureAwait(false);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var histories = new List<PupilHistory>();
        var schools = new Dictionary<SchoolId, SchoolInfo>();
        foreach (var board in boards)
        {
            var data = await source.LoadAsync(board, today, null, ct).ConfigureAwait(false);
            histories.AddRange(data.Histories.Where(h => h.Outflow.Count > 0));
            foreach (var s in data.Schools)
            {
                schools[s.Id] = s;
            }
        }

        if (histories.Count == 0)
        {
            throw new InvalidOperationException("no pupil with an outflow result on the platform yet: import outflow results (or simulate) first");
        }

        return (histories, schools, bgnr is { Length: > 0 } ? $"board:{BoardNumber.Parse(bgnr)}" : "platform");
    }
}
