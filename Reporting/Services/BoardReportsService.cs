using Grpc.Core;
using Uitstroom.Contracts.Reporting.V1;
using Uitstroom.Reporting.Composition;
using Uitstroom.Reporting.Pages;
using Uitstroom.Reporting.Sources;
using Uitstroom.ServiceDefaults.Auth;

namespace Uitstroom.Reporting.Services;

/// <summary>
/// gRPC edge for front ends (and, through JSON transcoding, for those that cannot speak gRPC). Every answer is
/// composed by the queries; a part Predict could not deliver is reported in the answer's notices, and only a
/// registry (Ingest) outage fails the call, as Unavailable.
/// </summary>
public sealed class BoardReportsService(
    BoardsQuery boards, BoardOverviewQuery overviews, SchoolReportQuery schoolReports) : BoardReports.BoardReportsBase
{
    public override Task<ListBoardsResponse> ListBoards(ListBoardsRequest request, ServerCallContext context) =>
        Unavailable(async () => (await boards.ListBoardsAsync(context.CancellationToken)).Visible(context.Caller()));

    public override Task<ListSchoolsResponse> ListSchools(ListSchoolsRequest request, ServerCallContext context)
    {
        context.RequireBoard(request.Bgnr);
        return Unavailable(() => boards.ListSchoolsAsync(request.Bgnr, context.CancellationToken));
    }

    public override Task<BoardOverview> GetBoardOverview(GetBoardOverviewRequest request, ServerCallContext context)
    {
        context.RequireBoard(request.Bgnr);
        return Unavailable(() => overviews.GetAsync(request.Bgnr, context.CancellationToken));
    }

    public override Task<SchoolReport> GetSchoolReport(GetSchoolReportRequest request, ServerCallContext context)
    {
        context.RequireBoard(request.Bgnr);
        return Unavailable(() => schoolReports.GetAsync(request.Bgnr, request.Ovt, context.CancellationToken));
    }

    private static async Task<T> Unavailable<T>(Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (SourceUnavailableException e)
        {
            throw new RpcException(new Status(
                StatusCode.Unavailable, $"the registry could not be read ({e.Service}: {e.Reason}); try again shortly"));
        }
    }
}
