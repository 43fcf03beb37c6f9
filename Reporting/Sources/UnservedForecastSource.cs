namespace Uitstroom.Reporting.Sources;

/// <summary>
/// The forecast source while the Predict in this build serves no forecast contract: every request is answered
/// honestly as "not available", so the page and API show the look-back with a clear notice instead of guessing.
/// Replaced by the Predict adapter as soon as Predict's forecast service is part of the build.
/// </summary>
public sealed class UnservedForecastSource : IForecastSource
{
    private const string Reason = "this Predict serves no forecasts yet";

    public Task<BoardForecastFacts> GetBoardAsync(string bgnr, CancellationToken ct) =>
        Task.FromException<BoardForecastFacts>(new SourceUnavailableException("predict", Reason));

    public Task<SchoolForecastFacts> GetSchoolAsync(string ovt, CancellationToken ct) =>
        Task.FromException<SchoolForecastFacts>(new SourceUnavailableException("predict", Reason));
}
