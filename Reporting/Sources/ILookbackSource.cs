namespace Uitstroom.Reporting.Sources;

/// <summary>Looking back (Predict's look-back). Throws <see cref="SourceUnavailableException"/> when Predict cannot answer.</summary>
public interface ILookbackSource
{
    Task<BoardLookbackFacts> GetBoardAsync(string bgnr, CancellationToken ct);
}
