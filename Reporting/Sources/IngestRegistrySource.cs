using Microsoft.Extensions.Options;
using IngestV1 = Uitstroom.Contracts.Ingest.V1;

namespace Uitstroom.Reporting.Sources;

/// <summary>The registry over Ingest's <c>Registry</c> service.</summary>
public sealed class IngestRegistrySource(IngestV1.Registry.RegistryClient registry, IOptions<SourceOptions> options) : IRegistrySource
{
    private DateTime Deadline => DateTime.UtcNow + options.Value.IngestDeadline;

    public Task<IReadOnlyList<BoardFacts>> ListBoardsAsync(CancellationToken ct) => SourceCalls.Guard("ingest", async () =>
    {
        var reply = await registry.ListBoardsAsync(new IngestV1.ListBoardsRequest(), deadline: Deadline, cancellationToken: ct);
        return (IReadOnlyList<BoardFacts>)[.. reply.Boards.Select(b => new BoardFacts(b.Bgnr, b.Name, b.SchoolCount))];
    });

    public Task<BoardWithSchools> GetBoardAsync(string bgnr, CancellationToken ct) => SourceCalls.Guard("ingest", async () =>
    {
        // Both reads are needed: the board's name lives in the board list, its schools in their own call.
        var schools = registry.ListSchoolsAsync(new IngestV1.ListSchoolsRequest { Bgnr = bgnr, WithProvider = true }, deadline: Deadline, cancellationToken: ct);
        var boards = registry.ListBoardsAsync(new IngestV1.ListBoardsRequest(), deadline: Deadline, cancellationToken: ct);
        var schoolList = await schools;
        var board = (await boards).Boards.FirstOrDefault(b => b.Bgnr == bgnr)
            ?? throw new KeyNotFoundException($"board {bgnr} is not in the registry");
        return new BoardWithSchools(
            new BoardFacts(board.Bgnr, board.Name, board.SchoolCount),
            [.. schoolList.Schools.Select(s => new SchoolFacts(
                s.Ovt, s.Brin, s.Vestiging, s.Name, s.Bgnr, s.HasSchoolweging ? s.Schoolweging : null, s.Municipality, s.Provider))]);
    });
}
