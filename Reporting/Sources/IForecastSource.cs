namespace Uitstroom.Reporting.Sources;

/// <summary>Looking ahead (Predict's forecasts). Throws <see cref="SourceUnavailableException"/> when Predict cannot answer.</summary>
public interface IForecastSource
{
    /// <summary>Every school of the board, without the per-cohort drill-down (which may be left empty).</summary>
    Task<BoardForecastFacts> GetBoardAsync(string bgnr, CancellationToken ct);

    /// <summary>One school of the board (by BRIN and vestiging) with its drill-down per subject and cohort.</summary>
    Task<SchoolForecastFacts> GetSchoolAsync(string bgnr, string brin, int vestiging, CancellationToken ct);
}
