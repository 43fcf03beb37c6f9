using Uitstroom.Domain.Inspectie;
using Uitstroom.Domain.Vocabulary;
using Uitstroom.Predict.Schools;
using Uitstroom.Predict.Training;

namespace Uitstroom.Predict.Forecasting;

/// <summary>A board's forecast on a peildatum: every pupil's chances, and every school's outlook.</summary>
public sealed record BoardForecast(IReadOnlyList<PupilForecast> Pupils, IReadOnlyList<SchoolOutlook> Schools);

/// <summary>Pure composition of the pieces: model → pupil forecasts → per school, known years + forecasts → outlook.</summary>
public static class BoardForecaster
{
    public static BoardForecast Forecast(
        ForecastModel model, BoardData board, DateOnly peildatum, Signaleringswaarden signaleringswaarden, SchoolId? only = null)
    {
        var histories = only is { } id ? [.. board.Histories.Where(h => h.School == id)] : board.Histories;
        var pupils = model.Predict(histories, peildatum);
        var tallies = Tallies.BySchoolAndYear(histories);
        var bySchool = pupils.GroupBy(p => p.School).ToDictionary(g => g.Key, g => g.ToArray());
        var forecaster = new SchoolForecaster(signaleringswaarden, model.SwingFundamental, model.SwingStreef);
        var schools = board.Schools
            .Where(s => only is null || s.Id == only)
            .Select(s => forecaster.Forecast(
                s,
                bySchool.GetValueOrDefault(s.Id, []),
                tallies.TryGetValue(s.Id, out var t) ? [.. t.Values] : [],
                peildatum))
            .ToList();
        return new BoardForecast(pupils, schools);
    }
}
