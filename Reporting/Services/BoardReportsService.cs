using Grpc.Core;
using Uitstroom.Contracts.Reporting.V1;
using Uitstroom.Domain.Vocabulary;
using Uitstroom.Reporting.Composition;
using Uitstroom.Reporting.Sources;

namespace Uitstroom.Reporting.Services;

/// <summary>
/// gRPC edge for front ends (and, through JSON transcoding, for those that cannot speak gRPC). Every answer is
/// composed by the queries; a part Predict could not deliver is reported in the answer's notices, and only a
/// registry (Ingest) outage fails the call, as Unavailable.
/// </summary>
public sealed class BoardReportsService(
    IRegistrySource registry, BoardOverviewQuery overviews, SchoolReportQuery schoolReports) : BoardReports.BoardReportsBase
{
    public override Task<ListBoardsResponse> ListBoards(ListBoardsRequest request, ServerCallContext context) =>
        Unavailable(async () =>
        {
            var boards = await registry.ListBoardsAsync(context.CancellationToken);
            return new ListBoardsResponse
            {
                Boards = { boards.Select(b => new BoardSummary { Bgnr = b.Bgnr, Name = b.Name, SchoolCount = b.SchoolCount }) },
            };
        });

    public override Task<ListSchoolsResponse> ListSchools(ListSchoolsRequest request, ServerCallContext context) =>
        Unavailable(async () =>
        {
            var board = await registry.GetBoardAsync(BoardNumber.Parse(request.Bgnr), context.CancellationToken);
            return new ListSchoolsResponse { Schools = { board.Schools.Select(Summary) } };
        });

    public override Task<BoardOverview> GetBoardOverview(GetBoardOverviewRequest request, ServerCallContext context) =>
        Unavailable(() => overviews.GetAsync(request.Bgnr, context.CancellationToken));

    public override Task<SchoolReport> GetSchoolReport(GetSchoolReportRequest request, ServerCallContext context) =>
        Unavailable(() => schoolReports.GetAsync(request.Bgnr, request.Ovt, context.CancellationToken));

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

    private static async Task<T> Unavailable<T>(Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (SourceUnavailableException e)
        {
            throw new RpcException(new Grpc.Core.Status(StatusCode.Unavailable, $"the registry could not be read ({e.Service}: {e.Reason}); try again shortly"));
        }
    }
}
