using System.Net;
using Uitstroom.Contracts.Reporting.V1;
using Uitstroom.Reporting.Tests.Fixtures;

namespace Uitstroom.Reporting.Tests;

/// <summary>The HTML report as served; the browser tests check the rendering, these check content and failures.</summary>
public sealed class ReportPageTests : IAsyncDisposable
{
    private readonly PublishedBoardSources _sources = new();
    private readonly ReportingHost _host;

    public ReportPageTests() => _host = new ReportingHost(_sources).Start();

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task The_board_page_is_Dutch_lists_every_school_and_shows_the_published_values_with_a_decimal_comma()
    {
        var html = await _host.Http().GetStringAsync($"/besturen/{PublishedBoardSources.DemoBoard}");

        html.ShouldContain("<html lang=\"nl\">");
        html.ShouldContain("@media print");
        foreach (var school in PublishedBoardSources.SchoolsOf(PublishedBoardSources.DemoBoard))
        {
            html.ShouldContain(WebUtility.HtmlEncode(school.Name));
            if (school.Lookback.Target.Value is { } pooled)
            {
                html.ShouldContain(pooled.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture).Replace('.', ','));
            }
        }

        html.ShouldContain("<svg class=\"grafiek\"");
        html.ShouldContain("class=\"bereik\"");
    }

    [Fact]
    public async Task A_Predict_outage_gives_the_page_a_clear_Dutch_message_and_the_schools_not_a_blank_page()
    {
        _sources.PredictDown = true;

        using var response = await _host.Http().GetAsync($"/besturen/{PublishedBoardSources.DemoBoard}");
        var html = await response.Content.ReadAsStringAsync();

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        html.ShouldContain("De prognose is op dit moment niet beschikbaar");
        html.ShouldContain(WebUtility.HtmlEncode(PublishedBoardSources.SchoolsOf(PublishedBoardSources.DemoBoard)[0].Name));
        html.ShouldNotContain("Exception");
    }

    [Fact]
    public async Task After_a_Predict_outage_the_page_shows_the_last_forecast_labelled_with_when_it_was_fetched()
    {
        await using var host = new ReportingHost(_sources, freshFor: TimeSpan.Zero).Start();
        var before = await host.Http().GetStringAsync($"/besturen/{PublishedBoardSources.DemoBoard}");

        _sources.PredictDown = true;
        var after = await host.Http().GetStringAsync($"/besturen/{PublishedBoardSources.DemoBoard}");

        after.ShouldContain("u ziet het laatst bekende resultaat van");
        after.ShouldContain("data-code=\"stale\"");
        before.ShouldNotContain("data-code=\"stale\"");
        // The same forecast cells as before the outage.
        Cells(before).Count.ShouldBe(PublishedBoardSources.SchoolsOf(PublishedBoardSources.DemoBoard).Count * 2 * 3);
        Cells(after).ShouldBe(Cells(before));
    }

    private static List<string> Cells(string html) =>
        [.. System.Text.RegularExpressions.Regex.Matches(html, "<td class=\"verwacht\"[^>]*>(.*?)</td>").Select(m => m.Groups[1].Value)];

    [Fact]
    public async Task An_Ingest_outage_gives_a_Dutch_503_page_without_a_stack_trace()
    {
        _sources.IngestDown = true;

        using var response = await _host.Http().GetAsync($"/besturen/{PublishedBoardSources.DemoBoard}");
        var html = await response.Content.ReadAsStringAsync();

        response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        html.ShouldContain("Rapport tijdelijk niet beschikbaar");
        html.ShouldNotContain("Exception");
        html.ShouldNotContain(" at Uitstroom.");
    }

    [Fact]
    public async Task An_unknown_board_page_is_a_Dutch_404()
    {
        using var response = await _host.Http().GetAsync("/besturen/99999");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await response.Content.ReadAsStringAsync()).ShouldContain("Niet gevonden");
    }

    [Theory]
    [InlineData("/besturen/41583/scholen/ZZ99%7CC1", HttpStatusCode.NotFound, "Dit bestuur of deze school is niet bekend")]
    [InlineData("/besturen/41583/scholen/xx", HttpStatusCode.BadRequest, "BRIN met vestigingsnummer")]
    public async Task A_school_address_that_is_unknown_or_malformed_is_told_in_Dutch_only(string path, HttpStatusCode status, string message)
    {
        using var response = await _host.Http().GetAsync(path);
        var html = await response.Content.ReadAsStringAsync();

        response.StatusCode.ShouldBe(status);
        html.ShouldContain(message);
        html.ShouldNotContain("expected");
        html.ShouldNotContain("does not belong");
    }

    [Fact]
    public async Task The_school_page_shows_each_subject_and_cohort_and_the_gap()
    {
        var ovt = PublishedBoardSources.SchoolsOf(PublishedBoardSources.DemoBoard)[0].Ovt;

        var html = await _host.Http().GetStringAsync($"/besturen/{PublishedBoardSources.DemoBoard}/scholen/{Uri.EscapeDataString(ovt)}");

        html.ShouldContain("Per vak");
        html.ShouldContain("data-vak=\"rekenen\"");
        html.ShouldContain("Per jaargroep");
        html.ShouldContain("nu groep 8");
        html.ShouldContain("<svg class=\"trend\"");
        html.ShouldContain("Afstand tot de signaleringswaarde");
    }

    [Fact]
    public async Task The_exports_hold_one_row_per_school_and_indicator()
    {
        var overview = await new BoardReports.BoardReportsClient(_host.Channel())
            .GetBoardOverviewAsync(new GetBoardOverviewRequest { Bgnr = PublishedBoardSources.DemoBoard });

        var csv = await _host.Http().GetStringAsync($"/besturen/{PublishedBoardSources.DemoBoard}/export.csv");
        using var xlsx = await _host.Http().GetAsync($"/besturen/{PublishedBoardSources.DemoBoard}/export.xlsx");

        csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length.ShouldBe(1 + (2 * overview.Schools.Count));
        xlsx.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        using var workbook = new ClosedXML.Excel.XLWorkbook(await xlsx.Content.ReadAsStreamAsync());
        workbook.Worksheet("Overzicht").RowsUsed().Count().ShouldBe(1 + (2 * overview.Schools.Count));
    }
}
