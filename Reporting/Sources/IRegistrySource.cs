namespace Uitstroom.Reporting.Sources;

/// <summary>Boards and schools, owned by Ingest. Throws <see cref="SourceUnavailableException"/> when Ingest cannot answer.</summary>
public interface IRegistrySource
{
    Task<IReadOnlyList<BoardFacts>> ListBoardsAsync(CancellationToken ct);

    /// <summary>The schools of a board; <see cref="KeyNotFoundException"/> for an unknown board.</summary>
    Task<BoardWithSchools> GetBoardAsync(string bgnr, CancellationToken ct);
}

public sealed record BoardWithSchools(BoardFacts Board, IReadOnlyList<SchoolFacts> Schools);
