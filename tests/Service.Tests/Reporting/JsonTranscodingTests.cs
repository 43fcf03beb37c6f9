using System.Net;
using System.Text.Json;
using Uitstroom.Contracts.Reporting.V1;
using Uitstroom.Reporting.Tests.Fixtures;

namespace Uitstroom.Reporting.Tests;

/// <summary>The same calls as HTTP/JSON, for front ends that cannot speak gRPC (routes in reporting.proto).</summary>
public sealed class JsonTranscodingTests : IAsyncDisposable
{
    private readonly ReportingHost _host = new ReportingHost(new PublishedBoardSources()).Start();

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task The_board_overview_over_JSON_equals_the_one_over_gRPC()
    {
        var grpc = await new BoardReports.BoardReportsClient(_host.Channel())
            .GetBoardOverviewAsync(new GetBoardOverviewRequest { Bgnr = PublishedBoardSources.DemoBoard });

        using var response = await _host.Http().GetAsync($"/api/v1/boards/{PublishedBoardSources.DemoBoard}/overview");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");
        var json = Google.Protobuf.JsonParser.Default.Parse<BoardOverview>(await response.Content.ReadAsStringAsync());
        json.Schools.ShouldBe(grpc.Schools);
        json.RealisedYears.ShouldBe(grpc.RealisedYears);
    }

    [Fact]
    public async Task The_school_report_route_takes_the_OVT_with_its_bar_escaped()
    {
        var ovt = PublishedBoardSources.SchoolsOf(PublishedBoardSources.DemoBoard)[0].Ovt;

        using var response = await _host.Http().GetAsync(
            $"/api/v1/boards/{PublishedBoardSources.DemoBoard}/schools/{Uri.EscapeDataString(ovt)}/report");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        doc.RootElement.GetProperty("ovt").GetString().ShouldBe(ovt);
        doc.RootElement.GetProperty("subjects").GetArrayLength().ShouldBe(3);
    }

    [Fact]
    public async Task An_unknown_board_over_JSON_is_404_with_the_reason()
    {
        using var response = await _host.Http().GetAsync("/api/v1/boards/99999/overview");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await response.Content.ReadAsStringAsync()).ShouldContain("99999");
    }
}
