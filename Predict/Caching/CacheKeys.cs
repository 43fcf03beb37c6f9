namespace Uitstroom.Predict.Caching;

/// <summary>
/// Keys of cached forecasts. The model version and the board's data generation are part of every key, so a new
/// model or a new import makes the next request compute afresh; the stale entries simply expire.
/// </summary>
public static class CacheKeys
{
    public static string Schools(string bgnr, string? school, DateOnly peildatum, string modelVersion, long generation) =>
        $"uitstroom:predict:v1:schools:{bgnr}:{school ?? "*"}:{peildatum:yyyy-MM-dd}:{modelVersion}:{generation}";
}
