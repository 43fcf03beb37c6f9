using Grpc.Core;
using Microsoft.Extensions.Options;
using Uitstroom.Contracts.Predict.V1;
using Uitstroom.Contracts.Reporting.V1;
using Uitstroom.Reporting.Composition;
using Uitstroom.Reporting.Sources;

namespace Uitstroom.Reporting.Tests;

/// <summary>
/// A board the Inspectie never listed (the fictional demo board): its schools have no ovt, its look-back comes from
/// pupil-level results, and an empty look-back is said to be empty, not blamed on Predict.
/// </summary>
public class UnlistedBoardTests
{
    private const string Board = "90001";

    private static readonly SchoolFacts[] Schools =
    [
        new("", "Z001", 0, "OBS De Zeeppaddestoel", Board, 33.21, "", ""),
        new("", "Z002", 0, "CBS Het Wolkenschip", Board, 28.5, "", ""),
    ];

    private static SchoolLookbackFacts Known(string brin, string name, double percent) => new(
        "",
        [new RealisedYearFacts("2024-2025", "known", 20, percent, percent / 2)],
        20,
        new IndicatorLookbackFacts(percent, 85, "boven", "Boven de signaleringswaarde"),
        new IndicatorLookbackFacts(percent / 2, 50, "onder", "Onder de signaleringswaarde"))
    {
        Brin = brin,
        Name = name,
    };

    private static BoardOverviewQuery Query(Func<BoardLookbackFacts> lookback) =>
        new(new Registry(), new Past(lookback), new NoForecast(), new NoSnapshots(),
            new PartCache(TimeProvider.System, Options.Create(new SourceOptions())), TimeProvider.System);

    [Fact]
    public async Task Schools_without_an_ovt_get_the_look_back_with_their_BRIN_and_name()
    {
        var overview = await Query(() => new BoardLookbackFacts(
            [Known("Z002", "CBS Het Wolkenschip", 80), Known("Z001", "OBS De Zeeppaddestoel", 90)], "Inspectie 2025")).GetAsync(Board, CancellationToken.None);

        overview.Schools.Select(s => (s.Brin, s.Fundamental.Pooled)).ShouldBe([("Z001", 90), ("Z002", 80)]);
        overview.Schools.ShouldAllBe(s => s.Fundamental.Realised.Count == 1);
        overview.Notices.ShouldNotContain(n => n.Code == "lookback_unavailable" || n.Code == "lookback_empty");
    }

    [Fact]
    public async Task A_school_without_an_ovt_is_linked_and_opened_by_its_BRIN_and_vestiging()
    {
        var past = new Past(() => new BoardLookbackFacts([Known("Z002", "CBS Het Wolkenschip", 80)], "Inspectie 2025"));
        var cache = new PartCache(TimeProvider.System, Options.Create(new SourceOptions()));
        var overview = await Query(past.Facts).GetAsync(Board, CancellationToken.None);
        var reports = new SchoolReportQuery(new Registry(), past, new NoForecast(), new NoSnapshots(), cache, TimeProvider.System);

        var report = await reports.GetAsync(Board, "z00200", CancellationToken.None);

        overview.Schools.Select(s => (s.SchoolKey, s.Ovt)).ShouldBe([("Z00100", ""), ("Z00200", "")]);
        report.Summary.Name.ShouldBe("CBS Het Wolkenschip");
        report.Summary.SchoolKey.ShouldBe("Z00200");
        report.Summary.Fundamental.Pooled.ShouldBe(80);
        report.Ovt.ShouldBeEmpty();
        await Should.ThrowAsync<KeyNotFoundException>(() => reports.GetAsync(Board, "Z00300", CancellationToken.None));
        (await Should.ThrowAsync<FormatException>(() => reports.GetAsync(Board, "Z001", CancellationToken.None))).Message.ShouldContain("'Z001'");
    }

    [Fact]
    public async Task An_empty_look_back_is_told_as_no_results_yet_and_not_as_Predict_being_down()
    {
        var overview = await Query(() => new BoardLookbackFacts([], "")).GetAsync(Board, CancellationToken.None);

        overview.Lookback.Freshness.ShouldBe(Freshness.Current);
        var notice = overview.Notices.Where(n => n.Code.StartsWith("lookback", StringComparison.Ordinal)).ShouldHaveSingleItem();
        notice.Code.ShouldBe("lookback_empty");
        notice.Message.ShouldNotContain("antwoordt niet");
    }

    [Fact]
    public async Task A_look_back_Predict_answers_NotFound_is_an_empty_look_back_not_an_error()
    {
        var source = new PredictLookbackSource(new NotFoundLookback(), Options.Create(new SourceOptions()));

        var board = await source.GetBoardAsync(Board, CancellationToken.None);

        board.Schools.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_look_back_Predict_could_not_compute_is_not_called_an_outage()
    {
        var overview = await Query(() => throw new SourceUnavailableException("predict", "Internal: the store is locked"))
            .GetAsync(Board, CancellationToken.None);

        var notice = overview.Notices.Single(n => n.Code == "lookback_unavailable");
        notice.Message.ShouldNotContain("antwoordt niet");
        notice.Message.ShouldContain("kon hem niet berekenen");
    }

    private sealed class Registry : IRegistrySource
    {
        public Task<IReadOnlyList<BoardFacts>> ListBoardsAsync(CancellationToken ct) =>
            Task.FromResult<IReadOnlyList<BoardFacts>>([new BoardFacts(Board, "Stichting Zuiderveen", Schools.Length)]);

        public Task<BoardWithSchools> GetBoardAsync(string bgnr, CancellationToken ct) =>
            Task.FromResult(new BoardWithSchools(new BoardFacts(Board, "Stichting Zuiderveen", Schools.Length), Schools));
    }

    private sealed class Past(Func<BoardLookbackFacts> facts) : ILookbackSource
    {
        public Func<BoardLookbackFacts> Facts => facts;

        public Task<BoardLookbackFacts> GetBoardAsync(string bgnr, CancellationToken ct) => Task.FromResult(facts());
    }

    private sealed class NoForecast : IForecastSource
    {
        public Task<BoardForecastFacts> GetBoardAsync(string bgnr, CancellationToken ct) =>
            Task.FromResult(new BoardForecastFacts("2026-12-04", "test", []));

        public Task<SchoolForecastFacts> GetSchoolAsync(string bgnr, string brin, int vestiging, CancellationToken ct) =>
            throw new SourceUnavailableException("predict", "no model trained");
    }

    private sealed class NoSnapshots : IMonitoringSource
    {
        public Task<MonitoringFacts> GetBoardAsync(string bgnr, CancellationToken ct) =>
            Task.FromResult(new MonitoringFacts(new OutlookHistoryResponse(), new TrackRecordResponse()));
    }

    private sealed class NotFoundLookback : Lookback.LookbackClient
    {
        public override AsyncUnaryCall<BoardLookback> GetBoardLookbackAsync(GetBoardLookbackRequest request, CallOptions options) =>
            throw new RpcException(new Status(StatusCode.NotFound, $"board {request.Bgnr} has nothing to look back on"));
    }
}
