using System.Text;
using Uitstroom.Contracts.Reporting.V1;

namespace Uitstroom.Reporting.Pages;

/// <summary>The start page: every board with a link to its report.</summary>
internal static class BoardListPage
{
    public static string Render(ListBoardsResponse boards)
    {
        var sb = new StringBuilder("<h1>Besturen</h1>");
        if (boards.Boards.Count == 0)
        {
            sb.Append("""<div class="melding" role="alert">Er zijn nog geen besturen ingelezen. Lees eerst een register in (uitstroom import).</div>""");
        }
        else
        {
            sb.Append("""<table id="besturen"><thead><tr><th>Bestuur</th><th class="naam">Naam</th><th>Scholen</th></tr></thead><tbody>""");
            foreach (var b in boards.Boards)
            {
                sb.Append($"""<tr><td>{Html.E(b.Bgnr)}</td><td class="naam"><a href="/besturen/{Html.E(b.Bgnr)}">{Html.E(b.Name)}</a></td><td>{b.SchoolCount}</td></tr>""");
            }

            sb.Append("</tbody></table>");
        }

        return Layout.Page("Besturen", sb.ToString());
    }
}
