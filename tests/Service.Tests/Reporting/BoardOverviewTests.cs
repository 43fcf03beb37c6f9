using Grpc.Core;
using Uitstroom.Contracts.Reporting.V1;
using Uitstroom.Reporting.Tests.Fixtures;

namespace Uitstroom.Reporting.Tests;

public sealed class BoardOverviewTests : IAsyncDisposable
{
    private readonly PublishedBoardSources _sources = new();
    private readonly ReportingHost _host;

    public BoardOverviewTests() => _host = new ReportingHost(_sources).Start();

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    private BoardReports.BoardReportsClient Client() => new(_host.Channel());

    [Fact]
    public async Task The_overview_shows_every_school_of_the_board_with_its_realised_years_and_outcomes_as_published()
    {
        var overview = await Client().GetBoardOverviewAsync(new GetBoardOverviewRequest { Bgnr = PublishedBoardSources.DemoBoard });

        var published = PublishedBoardSources.SchoolsOf(PublishedBoardSources.DemoBoard);
        overview.Schools.Select(s => s.Ovt).ShouldBe(published.Select(p => p.Ovt), ignoreOrder: true);
        overview.RealisedYears.ShouldBe(["2022-2023", "2023-2024", "2024-2025"]);
        overview.Lookback.Freshness.ShouldBe(Freshness.Current);
        overview.Notices.ShouldBeEmpty();
        foreach (var school in overview.Schools)
        {
            var p = published.Single(x => x.Ovt == school.Ovt);
            school.Name.ShouldBe(p.Name);
            school.Fundamental.Outcome.ShouldBe(p.Lookback.Fundamental.Outcome);
            school.Target.Outcome.ShouldBe(p.Lookback.Target.Outcome);
            school.Target.OutcomeLabel.ShouldBe(p.Lookback.Target.OutcomeLabel);
            school.Fundamental.HasPooled.ShouldBe(p.Lookback.Fundamental.Value is not null);
            if (p.Lookback.Fundamental.Value is { } pooled)
            {
                school.Fundamental.Pooled.ShouldBe(pooled);
            }

            school.Fundamental.Signaleringswaarde.ShouldBe(85.0);
            school.Fundamental.Realised.Select(y => y.HasPercent ? y.Percent : (double?)null)
                .ShouldBe(p.Lookback.Years.Select(y => y.PercentFundamental));
        }

        overview.Schools.ShouldContain(s => s.Fundamental.Outcome == "onder" || s.Target.Outcome == "onder");
    }

    [Fact]
    public async Task A_realised_year_is_labelled_boven_at_the_signaleringswaarde_and_onder_below_it()
    {
        var overview = await Client().GetBoardOverviewAsync(new GetBoardOverviewRequest { Bgnr = PublishedBoardSources.DemoBoard });

        var years = overview.Schools.SelectMany(s => new[] { s.Fundamental, s.Target })
            .SelectMany(i => i.Realised.Where(y => y.HasPercent).Select(y => (y, i.Signaleringswaarde)))
            .ToList();
        years.ShouldNotBeEmpty();
        years.ShouldAllBe(x => x.y.Position == (x.y.Percent >= x.Signaleringswaarde ? "boven" : "onder"));
        years.ShouldContain(x => x.y.Position == "onder");
    }

    [Fact]
    public async Task The_overview_carries_three_forecast_years_with_ranges_status_and_probability_from_Predict()
    {
        var overview = await Client().GetBoardOverviewAsync(new GetBoardOverviewRequest { Bgnr = PublishedBoardSources.DemoBoard });

        overview.ForecastYears.ShouldBe(["2025-2026", "2026-2027", "2027-2028"]);
        overview.Forecast.Freshness.ShouldBe(Freshness.Current);
        overview.ModelVersion.ShouldBe("test-outlook-1");
        foreach (var school in overview.Schools)
        {
            school.Status.ShouldNotBe(SchoolStatus.Unspecified);
            school.Provider.ShouldBeOneOf("CITO", "IEP", "DIA");
            foreach (var indicator in new[] { school.Fundamental, school.Target })
            {
                indicator.Forecast.Count.ShouldBe(3);
                indicator.Forecast.ShouldAllBe(f => f.Percent.Low <= f.Percent.Expected && f.Percent.Expected <= f.Percent.High && f.Percent.Coverage == 0.8);
                indicator.HasProbabilityBelow.ShouldBeTrue();
            }
        }

        overview.Schools.ShouldContain(s => s.Status == SchoolStatus.Rood);
        overview.Schools.ShouldContain(s => s.Status == SchoolStatus.Groen);
    }

    [Fact]
    public async Task A_Predict_outage_with_nothing_cached_still_lists_the_schools_and_says_so_in_Dutch()
    {
        _sources.PredictDown = true;

        var overview = await Client().GetBoardOverviewAsync(new GetBoardOverviewRequest { Bgnr = PublishedBoardSources.DemoBoard });

        overview.Schools.Count.ShouldBe(PublishedBoardSources.SchoolsOf(PublishedBoardSources.DemoBoard).Count);
        overview.Lookback.Freshness.ShouldBe(Freshness.Unavailable);
        overview.Forecast.Freshness.ShouldBe(Freshness.Unavailable);
        overview.Monitoring.Freshness.ShouldBe(Freshness.Unavailable);
        overview.Notices.Select(n => n.Code).ShouldBe(["lookback_unavailable", "forecast_unavailable", "monitoring_unavailable"]);
        overview.Notices.ShouldAllBe(n => n.Message.Contains("niet beschikbaar"));
        overview.Schools.ShouldAllBe(s => s.Fundamental.Forecast.Count == 0 && s.Status == SchoolStatus.Unspecified);
    }

    [Fact]
    public async Task A_Predict_outage_after_a_good_answer_serves_the_last_forecast_labelled_as_stale()
    {
        await using var host = new ReportingHost(_sources, freshFor: TimeSpan.Zero).Start();
        var client = new BoardReports.BoardReportsClient(host.Channel());
        var request = new GetBoardOverviewRequest { Bgnr = PublishedBoardSources.DemoBoard };
        var good = await client.GetBoardOverviewAsync(request);

        _sources.PredictDown = true;
        var stale = await client.GetBoardOverviewAsync(request);

        stale.Forecast.Freshness.ShouldBe(Freshness.Stale);
        stale.Forecast.FetchedAt.ShouldBe(good.Forecast.FetchedAt);
        stale.Notices.ShouldContain(n => n.Code == "stale" && n.Message.Contains("laatst bekende resultaat"));
        stale.Schools.Select(s => s.Target.ProbabilityBelow).ShouldBe(good.Schools.Select(s => s.Target.ProbabilityBelow));
    }

    [Fact]
    public async Task An_Ingest_outage_with_nothing_cached_is_Unavailable_naming_the_registry()
    {
        _sources.IngestDown = true;

        var error = await Should.ThrowAsync<RpcException>(async () =>
            await Client().GetBoardOverviewAsync(new GetBoardOverviewRequest { Bgnr = PublishedBoardSources.DemoBoard }));

        error.StatusCode.ShouldBe(StatusCode.Unavailable);
        error.Status.Detail.ShouldContain("registry");
    }

    [Fact]
    public async Task An_unknown_board_is_NotFound_and_a_malformed_one_InvalidArgument()
    {
        var missing = await Should.ThrowAsync<RpcException>(async () =>
            await Client().GetBoardOverviewAsync(new GetBoardOverviewRequest { Bgnr = "99999" }));
        var malformed = await Should.ThrowAsync<RpcException>(async () =>
            await Client().GetBoardOverviewAsync(new GetBoardOverviewRequest { Bgnr = "4x583" }));

        missing.StatusCode.ShouldBe(StatusCode.NotFound);
        missing.Status.Detail.ShouldContain("99999");
        malformed.StatusCode.ShouldBe(StatusCode.InvalidArgument);
        malformed.Status.Detail.ShouldContain("4x583");
    }

    [Fact]
    public async Task Repeated_and_concurrent_requests_for_a_board_ask_Predict_once()
    {
        var request = new GetBoardOverviewRequest { Bgnr = PublishedBoardSources.DemoBoard };
        _sources.PredictLatency = TimeSpan.FromMilliseconds(200);

        await Task.WhenAll(Enumerable.Range(0, 8).Select(async _ => await Client().GetBoardOverviewAsync(request)));
        await Client().GetBoardOverviewAsync(request);

        _sources.ForecastCalls.ShouldBe(1);
    }

    [Fact]
    public async Task The_boards_and_a_boards_schools_are_listed()
    {
        var boards = await Client().ListBoardsAsync(new ListBoardsRequest());
        var schools = await Client().ListSchoolsAsync(new ListSchoolsRequest { Bgnr = PublishedBoardSources.DemoBoard });

        boards.Boards.Count.ShouldBeGreaterThan(700);
        boards.Boards.Single(b => b.Bgnr == PublishedBoardSources.DemoBoard).SchoolCount.ShouldBe(schools.Schools.Count);
        schools.Schools.ShouldAllBe(s => s.Bgnr == PublishedBoardSources.DemoBoard && s.Ovt.Contains('|'));
    }
}
