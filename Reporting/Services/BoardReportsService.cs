using Grpc.Core;
using Uitstroom.Contracts.Reporting.V1;
using IngestV1 = Uitstroom.Contracts.Ingest.V1;

namespace Uitstroom.Reporting.Services;

/// <summary>gRPC edge for front ends: the boards and, later, their reports.</summary>
public sealed class BoardReportsService(IngestV1.Registry.RegistryClient registry) : BoardReports.BoardReportsBase
{
    public override async Task<ListBoardsResponse> ListBoards(ListBoardsRequest request, ServerCallContext context)
    {
        var boards = await registry.ListBoardsAsync(new IngestV1.ListBoardsRequest(), cancellationToken: context.CancellationToken);
        return new ListBoardsResponse
        {
            Boards = { boards.Boards.Select(b => new BoardSummary { Bgnr = b.Bgnr, Name = b.Name, SchoolCount = b.SchoolCount }) },
        };
    }
}
