using Google.Protobuf;
using Grpc.Core;
using Uitstroom.Contracts.Predict.V1;
using Uitstroom.Domain.Inspectie;
using Uitstroom.Domain.Vocabulary;
using Uitstroom.Predict.Caching;
using Uitstroom.Predict.Models;
using Uitstroom.Predict.Services;

namespace Uitstroom.Predict.Forecasting;

/// <summary>
/// Serves forecasts: resolves the model and the board's data generation, answers school forecasts from Redis when
/// the same board, peildatum, model version and generation were computed before, and computes otherwise.
/// </summary>
public sealed class ForecastEngine(
    IPupilHistorySource source, ModelStore models, ForecastCache cache, Signaleringswaarden signaleringswaarden, TimeProvider clock)
{
    /// <summary>
    /// Every school's outlook, or one school's. One school is cut from the board's answer: its outlook depends on its
    /// own pupils only, and the board's histories have to be read from Ingest either way, so the first school page
    /// of a board computes every school once and the board's other pages (and its overview) are then cache hits.
    /// </summary>
    public async Task<ForecastSchoolsResponse> SchoolsAsync(ForecastSchoolsRequest request, CancellationToken ct)
    {
        var bgnr = BoardNumber.Parse(request.Bgnr);
        var school = School(request.Brin, request.Vestiging);
        var peildatum = Peildatum(request.Peildatum);
        var model = CurrentModel();
        var generation = await source.GenerationAsync(bgnr, ct).ConfigureAwait(false);
        var key = CacheKeys.Schools(bgnr, peildatum, model.Info.Version, generation);
        ForecastSchoolsResponse response;
        if (await cache.GetAsync(key, "schools", ct).ConfigureAwait(false) is { } cached)
        {
            response = ForecastSchoolsResponse.Parser.ParseFrom(cached);
            response.FromCache = true;
        }
        else
        {
            response = await ComputeSchoolsAsync(bgnr, peildatum, model, ct).ConfigureAwait(false);
        }

        if (school is not { } id)
        {
            return response;
        }

        var only = response.Schools.Where(s => s.Brin == id.Brin && s.Vestiging == id.Vestiging).ToList();
        if (only.Count == 0)
        {
            throw new RpcException(new Status(StatusCode.NotFound, $"school {id} is not one of board {bgnr}'s schools"));
        }

        response.Schools.Clear();
        response.Schools.AddRange(only);
        return response;
    }

    private async Task<ForecastSchoolsResponse> ComputeSchoolsAsync(string bgnr, DateOnly peildatum, Training.ForecastModel model, CancellationToken ct)
    {
        var board = await source.LoadAsync(bgnr, peildatum, null, ct).ConfigureAwait(false);
        var forecast = BoardForecaster.Forecast(model, board, peildatum, signaleringswaarden);
        var response = new ForecastSchoolsResponse
        {
            ModelVersion = model.Info.Version,
            Generation = board.Generation,
            Peildatum = peildatum.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        };
        response.Schools.AddRange(forecast.Schools.Select(ForecastMapping.ToMessage));
        // Stored under the generation the data was read at: an import that raced the read gets its own key.
        await cache.SetAsync(CacheKeys.Schools(bgnr, peildatum, model.Info.Version, board.Generation), response.ToByteArray(), ct).ConfigureAwait(false);
        return response;
    }

    public async Task<ForecastPupilsResponse> PupilsAsync(ForecastPupilsRequest request, CancellationToken ct)
    {
        var bgnr = BoardNumber.Parse(request.Bgnr);
        var school = School(request.Brin, request.Vestiging);
        var peildatum = Peildatum(request.Peildatum);
        var model = CurrentModel();
        var board = await source.LoadAsync(bgnr, peildatum, request.SchoolPupilIds.Count > 0 ? request.SchoolPupilIds : null, ct).ConfigureAwait(false);
        var histories = school is { } id ? [.. board.Histories.Where(h => h.School == id)] : board.Histories;
        var response = new ForecastPupilsResponse
        {
            ModelVersion = model.Info.Version,
            Generation = board.Generation,
            Peildatum = peildatum.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        };
        response.Pupils.AddRange(model.Predict(histories, peildatum)
            .OrderBy(p => p.School.Brin).ThenBy(p => p.School.Vestiging).ThenBy(p => p.PupilKey, StringComparer.Ordinal).ThenBy(p => p.Subject)
            .Select(p => ForecastMapping.ToMessage(p, board.SchoolPupilIds.GetValueOrDefault(p.PupilKey))));
        return response;
    }

    private Training.ForecastModel CurrentModel() =>
        models.Current() ?? throw new RpcException(new Status(StatusCode.FailedPrecondition, "no model has been trained yet: run `uitstroom train` first"));

    private DateOnly Peildatum(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        }

        return DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var d)
            ? d
            : throw new DomainFormatException($"malformed peildatum '{text}': expected yyyy-MM-dd such as 2026-03-01");
    }

    private static SchoolId? School(string brin, int vestiging) =>
        string.IsNullOrWhiteSpace(brin) ? null : SchoolId.Create(brin, vestiging);
}
