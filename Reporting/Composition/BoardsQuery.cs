using Uitstroom.Contracts.Reporting.V1;
using Uitstroom.Domain.Vocabulary;
using Uitstroom.Reporting.Sources;

namespace Uitstroom.Reporting.Composition;

/// <summary>The lists of boards and of a board's schools, as the API returns them.</summary>
public sealed class BoardsQuery(IRegistrySource registry)
{
    public async Task<ListBoardsResponse> ListBoardsAsync(CancellationToken ct)
    {
        var boards = await registry.ListBoardsAsync(ct);
        return new ListBoardsResponse
        {
            Boards = { boards.Select(b => new BoardSummary { Bgnr = b.Bgnr, Name = b.Name, SchoolCount = b.SchoolCount }) },
        };
    }

    public async Task<ListSchoolsResponse> ListSchoolsAsync(string bgnr, CancellationToken ct)
    {
        var board = await registry.GetBoardAsync(BoardNumber.Parse(bgnr), ct);
        return new ListSchoolsResponse { Schools = { board.Schools.Select(Summary) } };
    }

    private static SchoolSummary Summary(SchoolFacts s)
    {
        var summary = new SchoolSummary
        {
            Ovt = s.Ovt, Brin = s.Brin, Vestiging = s.Vestiging, Name = s.Name, Bgnr = s.Bgnr,
            Municipality = s.Municipality, Provider = s.Provider,
        };
        if (s.Schoolweging is { } w)
        {
            summary.Schoolweging = w;
        }

        return summary;
    }
}
