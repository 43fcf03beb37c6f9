using System.Globalization;
using System.Text.RegularExpressions;
using Uitstroom.Contracts.Reporting.V1;
using Uitstroom.Reporting;
using Uitstroom.Reporting.Sources;
using Uitstroom.Reporting.Tests.Fixtures;

namespace Uitstroom.Reporting.Tests;

/// <summary>Monitoring over time: Predict's snapshots and track record reach the API and the pages unchanged.</summary>
public sealed partial class MonitoringTests : IAsyncDisposable
{
    private readonly PublishedBoardSources _sources = new();
    private readonly ReportingHost _host;

    public MonitoringTests() => _host = new ReportingHost(_sources).Start();

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    private BoardReports.BoardReportsClient Client() => new(_host.Channel());

    private Task<MonitoringFacts> Predict() => ((IMonitoringSource)_sources).GetBoardAsync(PublishedBoardSources.DemoBoard, default);

    [Fact]
    public async Task The_overview_carries_every_snapshot_moment_each_schools_probabilities_and_the_board_track_record()
    {
        var overview = await Client().GetBoardOverviewAsync(new GetBoardOverviewRequest { Bgnr = PublishedBoardSources.DemoBoard });
        var predict = await Predict();

        overview.Monitoring.Freshness.ShouldBe(Freshness.Current);
        overview.Snapshots.Select(s => (s.Moment, s.Origin, s.Peildatum))
            .ShouldBe([("2024-2025 M", "teruggerekend", "2025-02-22"), ("2024-2025 E", "teruggerekend", "2025-06-22"), ("2025-2026 M", "live", "2026-02-22")]);
        foreach (var school in overview.Schools)
        {
            var expected = predict.History.Snapshots
                .Select(s => s.Schools.Single(m => school.Brin == m.Brin && school.Ovt.EndsWith($"C{m.Vestiging}", StringComparison.Ordinal)))
                .ToList();
            school.Outlook.Select(p => p.ProbabilityBelow).ShouldBe(expected.Select(m => m.MaxProbabilityBelow));
            school.Outlook.Select(p => p.Status.ToString().ToLowerInvariant()).ShouldBe(expected.Select(m => m.Status));
        }

        var board = predict.TrackRecord.Board;
        overview.TrackRecord.Entries.ShouldBe(board.Entries);
        overview.TrackRecord.MeanAbsoluteErrorFundamental.ShouldBe(board.MeanAbsoluteErrorFundamental);
        overview.TrackRecord.MeanAbsoluteErrorTarget.ShouldBe(board.MeanAbsoluteErrorTarget);
        overview.TrackRecord.Inside80.ShouldBe(board.Inside80);
        overview.TrackRecord.StatusCallsRight.ShouldBe(board.StatusCallsRight);
        overview.TrackRecord.Recomputed.ShouldBe(board.Entries);
        overview.Schools.Where(s => s.TrackRecord is not null).ShouldNotBeEmpty();
    }

    [Fact]
    public async Task The_school_report_shows_the_outlook_at_every_moment_and_each_realised_year_beside_its_forecast()
    {
        var school = PublishedBoardSources.SchoolsOf(PublishedBoardSources.DemoBoard).First(s => s.Lookback.Years[^1].Availability == "known");
        var report = await Client().GetSchoolReportAsync(new GetSchoolReportRequest { Bgnr = PublishedBoardSources.DemoBoard, Ovt = school.Ovt });
        var predict = await Predict();

        report.OutlookHistory.Select(m => m.Snapshot.Moment).ShouldBe(["2024-2025 M", "2024-2025 E", "2025-2026 M"]);
        var first = predict.History.Snapshots[0].Schools.Single(m => m.Brin == school.Brin && m.Vestiging == school.Vestiging);
        var shown = report.OutlookHistory[0];
        shown.ProbabilityBelow.ShouldBe(first.MaxProbabilityBelow);
        shown.Fundamental.Select(y => y.SchoolYear).ShouldBe(["2024-2025", "2025-2026", "2026-2027"]);
        shown.Fundamental.Select(y => y.Percent.Expected).ShouldBe(first.Years.Select(y => y.Fundamental.Expected));
        shown.Target.Select(y => y.Percent.Low).ShouldBe(first.Years.Select(y => y.Streef.Low80));
        shown.Target.Select(y => y.ProbabilityBelow).ShouldBe(first.Indicators.Where(i => i.Indicator == "1S/2F").Select(i => i.ProbabilityBelow));

        var rows = report.TrackRecordRows;
        rows.Select(r => r.Indicator).ShouldBe(["1F", "1S/2F"]);
        rows[0].SchoolYear.ShouldBe("2024-2025");
        rows[0].MadeAt.Moment.ShouldBe("2024-2025 M");
        rows[0].MadeAt.Origin.ShouldBe("teruggerekend");
        rows[0].Realised.ShouldBe(school.Lookback.Years[^1].PercentFundamental!.Value);
        rows[1].Realised.ShouldBe(school.Lookback.Years[^1].PercentTarget!.Value);
        report.Summary.TrackRecord.Entries.ShouldBe(2);
    }

    [Fact]
    public async Task A_Predict_without_a_snapshot_store_is_named_in_a_notice_and_the_rest_of_the_overview_stays_current()
    {
        _sources.NoSnapshotStore = true;

        var overview = await Client().GetBoardOverviewAsync(new GetBoardOverviewRequest { Bgnr = PublishedBoardSources.DemoBoard });

        overview.Monitoring.Freshness.ShouldBe(Freshness.Unavailable);
        overview.Forecast.Freshness.ShouldBe(Freshness.Current);
        overview.Snapshots.ShouldBeEmpty();
        overview.TrackRecord.ShouldBeNull();
        overview.Notices.ShouldHaveSingleItem().Code.ShouldBe("monitoring_unavailable");
        overview.Notices[0].Message.ShouldContain("bewaart geen momentopnamen");
        var html = await _host.Http().GetStringAsync($"/besturen/{PublishedBoardSources.DemoBoard}");
        html.ShouldContain("Er zijn nog geen momentopnamen van de prognose bewaard.");
    }

    [Fact]
    public async Task The_board_page_draws_each_schools_probabilities_per_moment_and_prints_the_track_record_from_the_API()
    {
        var overview = await Client().GetBoardOverviewAsync(new GetBoardOverviewRequest { Bgnr = PublishedBoardSources.DemoBoard });
        var html = await _host.Http().GetStringAsync($"/besturen/{PublishedBoardSources.DemoBoard}");

        var cells = VerloopCell().Matches(html).ToDictionary(m => m.Groups["ovt"].Value, m => m.Groups["kansen"].Value);
        cells.Count.ShouldBe(overview.Schools.Count);
        foreach (var school in overview.Schools)
        {
            cells[school.Ovt].ShouldBe(string.Join(' ', school.Outlook.Select(p => p.ProbabilityBelow.ToString("0.####", CultureInfo.InvariantCulture))));
        }

        html.ShouldContain("<svg class=\"verloop\"");
        html.ShouldContain($"<td data-veld=\"entries\">{overview.TrackRecord.Entries}</td>");
        html.ShouldContain($"<td data-veld=\"mae_1f\">{overview.TrackRecord.MeanAbsoluteErrorFundamental.ToString("0.0", DutchFormat.Numbers)}</td>");
        html.ShouldContain("teruggerekend");
    }

    [GeneratedRegex("""<tbody class="school" data-school="(?<ovt>[^"]+)".*?<td class="verloop" rowspan="2" data-momenten="[^"]*" data-kansen="(?<kansen>[^"]*)">""", RegexOptions.Singleline)]
    private static partial Regex VerloopCell();
}
