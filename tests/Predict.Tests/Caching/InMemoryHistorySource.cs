using Uitstroom.Predict.Forecasting;

namespace Uitstroom.Predict.Tests.Caching;

/// <summary>A board held in memory in place of Ingest; <see cref="Import"/> advances the data generation as an import does.</summary>
public sealed class InMemoryHistorySource(BoardData board) : IPupilHistorySource
{
    private long generation = board.Generation;

    public int Loads { get; private set; }

    public void Import() => Interlocked.Increment(ref generation);

    public Task<IReadOnlyList<string>> BoardsAsync(CancellationToken ct) => Task.FromResult<IReadOnlyList<string>>([board.Bgnr]);

    public Task<long> GenerationAsync(string bgnr, CancellationToken ct) =>
        bgnr == board.Bgnr ? Task.FromResult(Interlocked.Read(ref generation)) : throw new KeyNotFoundException($"unknown board {bgnr}");

    public Task<BoardData> LoadAsync(string bgnr, DateOnly asOf, IReadOnlyCollection<string>? schoolPupilIds, CancellationToken ct)
    {
        if (bgnr != board.Bgnr)
        {
            throw new KeyNotFoundException($"unknown board {bgnr}");
        }

        Loads++;
        return Task.FromResult(board with { Generation = Interlocked.Read(ref generation) });
    }
}
