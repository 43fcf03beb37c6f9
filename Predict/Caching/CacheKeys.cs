namespace Uitstroom.Predict.Caching;

/// <summary>
/// Keys of cached forecasts. The model version and the board's data generation are part of every key, so a new
/// model or a new import makes the next request compute afresh; the stale entries simply expire.
/// </summary>
public static class CacheKeys
{
    /// <summary>A board's school forecasts; one school's answer is cut from it (<c>ForecastEngine.SchoolsAsync</c>).</summary>
    public static string Schools(string bgnr, DateOnly peildatum, string modelVersion, long generation) =>
        $"uitstroom:predict:v2:schools:{bgnr}:{peildatum:yyyy-MM-dd}:{modelVersion}:{generation}";
}
