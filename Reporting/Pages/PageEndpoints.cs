using Uitstroom.Reporting.Composition;
using Uitstroom.Reporting.Exports;
using Uitstroom.Reporting.Sources;

namespace Uitstroom.Reporting.Pages;

/// <summary>
/// The HTML report and the exports, served on the HTTP/1 port. Each reads the same query results the gRPC API
/// returns. Whatever fails, the reader gets a Dutch page saying what and what to do — never a blank page or a trace.
/// </summary>
internal static class PageEndpoints
{
    private const string HtmlType = "text/html; charset=utf-8";

    public static WebApplication MapReportPages(this WebApplication app)
    {
        app.MapGet("/", (HttpContext http, BoardsQuery boards, ILogger<BoardsQuery> log, CancellationToken ct) =>
            Guarded(log, async () => Results.Content(BoardListPage.Render((await boards.ListBoardsAsync(ct)).Visible(http.User)), HtmlType)));

        app.MapGet("/besturen/{bgnr}", (string bgnr, BoardOverviewQuery overviews, ILogger<BoardOverviewQuery> log, CancellationToken ct) =>
            Guarded(log, async () => Results.Content(BoardPage.Render(await overviews.GetAsync(bgnr, ct)), HtmlType))).ForBoardOwner();

        app.MapGet("/besturen/{bgnr}/scholen/{school}", (string bgnr, string school, SchoolReportQuery reports, ILogger<SchoolReportQuery> log, CancellationToken ct) =>
            Guarded(log, async () => Results.Content(SchoolPage.Render(await reports.GetAsync(bgnr, school, ct)), HtmlType))).ForBoardOwner();

        app.MapGet("/besturen/{bgnr}/export.csv", (string bgnr, BoardOverviewQuery overviews, ILogger<BoardOverviewQuery> log, CancellationToken ct) =>
            Guarded(log, async () =>
            {
                var o = await overviews.GetAsync(bgnr, ct);
                return Results.File(CsvExport.Write(o), "text/csv; charset=utf-8", $"uitstroom-{o.Bgnr}.csv");
            })).ForBoardOwner();

        app.MapGet("/besturen/{bgnr}/export.xlsx", (string bgnr, BoardOverviewQuery overviews, ILogger<BoardOverviewQuery> log, CancellationToken ct) =>
            Guarded(log, async () =>
            {
                var o = await overviews.GetAsync(bgnr, ct);
                return Results.File(XlsxExport.Write(o), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"uitstroom-{o.Bgnr}.xlsx");
            })).ForBoardOwner();
        return app;
    }

    private const string AddressHelp =
        "Het adres klopt niet. Een bestuur heeft een nummer van vijf cijfers (zoals 41583); een school de code van de " +
        "Inspectie (zoals 07YS|C1) of, als de Inspectie haar nog niet kent, haar BRIN met vestigingsnummer (zoals 07YS00).";

    private static async Task<IResult> Guarded(ILogger log, Func<Task<IResult>> page)
    {
        try
        {
            return await page();
        }
        catch (SourceUnavailableException e)
        {
            log.LogWarning("Report not available: {Service} did not answer ({Reason})", e.Service, e.Reason);
            return Problem(503, "Rapport tijdelijk niet beschikbaar",
                "Het register met besturen en scholen (Ingest) antwoordt op dit moment niet, en er is nog geen eerder " +
                "resultaat bewaard. Probeer het over enkele minuten opnieuw; blijft dit zo, meld het dan bij de beheerder.");
        }
        // The exceptions' own messages are English (they serve the API and the logs too); the page says it in Dutch.
        catch (KeyNotFoundException)
        {
            return Problem(404, "Niet gevonden", "Dit bestuur of deze school is niet bekend, of hoort niet bij dit bestuur.");
        }
        catch (Exception e) when (e is FormatException or ArgumentException)
        {
            return Problem(400, "Ongeldig adres", AddressHelp);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogError(e, "Report page failed");
            return Problem(500, "Er ging iets mis",
                "Het rapport kon door een interne fout niet worden gemaakt. De fout is vastgelegd; probeer het later opnieuw.");
        }
    }

    private static IResult Problem(int status, string title, string message) =>
        Results.Content(Layout.Problem(title, message), HtmlType, statusCode: status);
}
