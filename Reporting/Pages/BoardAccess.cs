using System.Security.Claims;
using Uitstroom.Contracts.Reporting.V1;
using Uitstroom.ServiceDefaults.Auth;

namespace Uitstroom.Reporting.Pages;

/// <summary>
/// Who may see which board's pages and exports: the board's own key or an admin key. Checked before the page's
/// query runs, so another board's report is never composed (nor cached) on a refused request.
/// </summary>
internal static class BoardAccess
{
    /// <summary>Refuses, with a Dutch 403 page, a caller whose key is not for the route's <c>{bgnr}</c>.</summary>
    public static RouteHandlerBuilder ForBoardOwner(this RouteHandlerBuilder route) =>
        route.AddEndpointFilter(async (context, next) =>
        {
            var bgnr = context.HttpContext.GetRouteValue("bgnr") as string;
            return context.HttpContext.User.MayAccessBoard(bgnr)
                ? await next(context)
                : Results.Content(
                    Layout.Problem("Geen toegang",
                        $"Met deze sleutel kunt u de gegevens van bestuur {bgnr} niet inzien. Log in met de sleutel van dit bestuur."),
                    "text/html; charset=utf-8", statusCode: StatusCodes.Status403Forbidden);
        });

    /// <summary>The boards a list shows: all for an admin, the own board for a board key.</summary>
    public static ListBoardsResponse Visible(this ListBoardsResponse boards, ClaimsPrincipal user)
    {
        var visible = new ListBoardsResponse();
        visible.Boards.AddRange(boards.Boards.Where(b => user.MayAccessBoard(b.Bgnr)));
        return visible;
    }
}
