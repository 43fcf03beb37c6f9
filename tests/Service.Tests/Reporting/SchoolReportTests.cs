using Grpc.Core;
using Uitstroom.Contracts.Reporting.V1;
using Uitstroom.Reporting.Tests.Fixtures;

namespace Uitstroom.Reporting.Tests;

public sealed class SchoolReportTests : IAsyncDisposable
{
    private readonly PublishedBoardSources _sources = new();
    private readonly ReportingHost _host;

    public SchoolReportTests() => _host = new ReportingHost(_sources).Start();

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    private static string FirstSchool => PublishedBoardSources.SchoolsOf(PublishedBoardSources.DemoBoard)[0].Ovt;

    [Fact]
    public async Task The_school_report_breaks_the_outlook_down_per_subject_and_cohort_with_trends_and_pupils_at_risk()
    {
        var client = new BoardReports.BoardReportsClient(_host.Channel());

        var report = await client.GetSchoolReportAsync(new GetSchoolReportRequest { Bgnr = PublishedBoardSources.DemoBoard, Ovt = FirstSchool });

        report.Summary.Ovt.ShouldBe(FirstSchool);
        report.BoardName.ShouldBe(PublishedBoardSources.BoardName(PublishedBoardSources.DemoBoard));
        report.Subjects.Select(s => s.Subject).ShouldBe(["lezen", "taalverzorging", "rekenen"]);
        report.Subjects.Single(s => s.Subject == "rekenen").TargetLevel.ShouldBe("1S");
        report.Subjects.ShouldAllBe(s => s.Years.Count == 3);
        report.Cohorts.Select(c => c.Groep).ShouldBe([8, 7, 6]);
        report.Cohorts.ShouldAllBe(c => c.Subjects.Count == 3 && c.Subjects.All(s => s.Trend.Count > 0));
        report.Cohorts[0].Subjects[0].Trend.First().Moment.ShouldBe("M5");
        report.Summary.Target.HasGapResults.ShouldBeTrue();
    }

    [Fact]
    public async Task The_school_row_in_the_report_equals_its_row_on_the_board_overview()
    {
        var client = new BoardReports.BoardReportsClient(_host.Channel());

        var overview = await client.GetBoardOverviewAsync(new GetBoardOverviewRequest { Bgnr = PublishedBoardSources.DemoBoard });
        var report = await client.GetSchoolReportAsync(new GetSchoolReportRequest { Bgnr = PublishedBoardSources.DemoBoard, Ovt = FirstSchool });

        report.Summary.Fundamental.Realised.ShouldBe(overview.Schools.Single(s => s.Ovt == FirstSchool).Fundamental.Realised);
        report.Summary.Target.Forecast.ShouldBe(overview.Schools.Single(s => s.Ovt == FirstSchool).Target.Forecast);
    }

    [Fact]
    public async Task A_school_of_another_board_is_NotFound_and_a_malformed_OVT_InvalidArgument()
    {
        var client = new BoardReports.BoardReportsClient(_host.Channel());

        var other = await Should.ThrowAsync<RpcException>(async () =>
            await client.GetSchoolReportAsync(new GetSchoolReportRequest { Bgnr = PublishedBoardSources.DemoBoard, Ovt = "00AP|C1" }));
        var malformed = await Should.ThrowAsync<RpcException>(async () =>
            await client.GetSchoolReportAsync(new GetSchoolReportRequest { Bgnr = PublishedBoardSources.DemoBoard, Ovt = "00AP-1" }));

        other.StatusCode.ShouldBe(StatusCode.NotFound);
        other.Status.Detail.ShouldContain("00AP|C1");
        malformed.StatusCode.ShouldBe(StatusCode.InvalidArgument);
    }
}
