using System.Text;
using Uitstroom.Contracts.Reporting.V1;

namespace Uitstroom.Reporting.Pages;

/// <summary>The frame of every page: Dutch, self-contained (no external files), readable on screen and on paper.</summary>
internal static class Layout
{
    public static string Page(string title, string body) => $$"""
        <!DOCTYPE html>
        <html lang="nl">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{{Html.E(title)}} · Uitstroomprognose</title>
        <style>{{Style}}</style>
        </head>
        <body>
        <header><a href="/">Uitstroomprognose</a></header>
        <main>
        {{body}}
        </main>
        <script>{{SortScript}}</script>
        </body>
        </html>
        """;

    public static string Notices(IEnumerable<Notice> notices)
    {
        var sb = new StringBuilder();
        foreach (var n in notices)
        {
            sb.Append($"""<div class="melding {Html.E(n.Code)}" role="alert" data-code="{Html.E(n.Code)}">{Html.E(n.Message)}</div>""");
        }

        return sb.ToString();
    }

    /// <summary>A page that says, in Dutch, why there is no report — never a blank page or a stack trace.</summary>
    public static string Problem(string title, string message) =>
        Page(title, $"""<h1>{Html.E(title)}</h1><div class="melding fout" role="alert">{Html.E(message)}</div><p><a href="/">Naar het overzicht van besturen</a></p>""");

    private const string Style = """
        :root { --boven: #d8f0d8; --onder: #f6d0cc; --rand: #c8c8c8; font-family: system-ui, sans-serif; }
        body { margin: 0; color: #1a1a1a; }
        header { background: #16324f; padding: .6rem 1rem; }
        header a { color: #fff; text-decoration: none; font-weight: 600; }
        main { padding: 1rem; }
        h1 { font-size: 1.4rem; margin: .2rem 0 .6rem; }
        h2 { font-size: 1.15rem; margin-top: 1.6rem; }
        .bijschrift { color: #555; font-size: .85rem; }
        .melding { border-left: 5px solid #c77700; background: #fff4e0; padding: .6rem .8rem; margin: .5rem 0; }
        .melding.fout { border-color: #b00020; background: #fde8ea; }
        table { border-collapse: collapse; font-size: .85rem; }
        th, td { border: 1px solid var(--rand); padding: .25rem .4rem; text-align: right; vertical-align: middle; }
        th { background: #eef2f6; }
        th.sorteer { cursor: pointer; text-decoration: underline dotted; }
        td.naam, th.naam, td.tekst { text-align: left; }
        td.boven { background: var(--boven); }
        td.onder { background: var(--onder); }
        .status { display: inline-block; min-width: 4.5em; text-align: center; border-radius: .8em; padding: .1em .5em; font-weight: 600; }
        .status.groen { background: #2e7d32; color: #fff; }
        .status.oranje { background: #ef8a00; color: #000; }
        .status.rood { background: #c62828; color: #fff; }
        .status.onbekend { background: #bbb; color: #000; }
        .bereik { color: #333; font-size: .75rem; display: block; }
        .legenda span { display: inline-block; padding: .1em .5em; margin-right: .5em; border: 1px solid var(--rand); }
        svg { display: block; }
        svg .drempel { stroke: #b00020; stroke-dasharray: 3 2; }
        svg .gerealiseerd { fill: #16324f; }
        svg .bereik { stroke: #ef8a00; stroke-width: 5; stroke-linecap: round; opacity: .55; }
        svg .verwacht { fill: #fff; stroke: #ef8a00; stroke-width: 2; }
        svg .lijn { fill: none; stroke: #16324f; stroke-width: 1.5; }
        svg text { font-size: 9px; fill: #444; }
        svg .as { stroke: #bbb; }
        svg .punt { stroke: #16324f; stroke-width: 1; }
        svg .punt.groen { fill: #2e7d32; }
        svg .punt.oranje { fill: #ef8a00; }
        svg .punt.rood { fill: #c62828; }
        svg .punt.teruggerekend { stroke-dasharray: 1 1; }
        svg .punt.onbekend { fill: #bbb; }
        @media print {
          header, .geen-print { display: none; }
          main { padding: 0; }
          body { font-size: 9pt; }
          table { font-size: 7.5pt; }
          tbody { break-inside: avoid; }
          td.boven, td.onder, td[style], .status, svg .punt { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
          a { color: inherit; text-decoration: none; }
          @page { size: A4 landscape; margin: 10mm; }
        }
        """;

    // Sorts the school blocks (one tbody per school) by a data attribute the server wrote; the script reads only
    // those values and computes nothing.
    private const string SortScript = """
        document.querySelectorAll('table.sorteerbaar').forEach(function (table) {
          table.querySelectorAll('th[data-sleutel]').forEach(function (th) {
            th.classList.add('sorteer');
            th.addEventListener('click', function () {
              var key = th.dataset.sleutel, text = th.dataset.type === 'tekst';
              var asc = th.dataset.richting !== 'op';
              th.dataset.richting = asc ? 'op' : 'af';
              var blocks = Array.prototype.slice.call(table.querySelectorAll('tbody'));
              blocks.sort(function (a, b) {
                var x = a.dataset[key] || '', y = b.dataset[key] || '';
                var c = text ? x.localeCompare(y, 'nl') : (parseFloat(x || '-1') - parseFloat(y || '-1'));
                return asc ? c : -c;
              });
              blocks.forEach(function (b) { table.appendChild(b); });
            });
          });
        });
        """;
}
