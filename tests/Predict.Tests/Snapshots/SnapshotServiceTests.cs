using Grpc.Core;
using Uitstroom.Contracts.Predict.V1;
using Uitstroom.Domain.Inspectie;
using Uitstroom.Domain.Vocabulary;
using Uitstroom.Predict.Snapshots;
using Uitstroom.Predict.Tests.Caching;

namespace Uitstroom.Predict.Tests.Snapshots;

/// <summary>Issue 8, monitoring over time: dated snapshots, the outlook history, the backfill and the track record.</summary>
public sealed class SnapshotServiceTests(DemoBoardFixture demo, Xunit.Abstractions.ITestOutputHelper output) : IClassFixture<DemoBoardFixture>, IDisposable
{
    private readonly string file = Path.Combine(Path.GetTempPath(), $"uitstroom-snapshots-{Guid.NewGuid():N}.db");

    // The simulated world's "now": 1 March 2027, just after the midden results of 2026-2027.
    private DateOnly Today => demo.Data.AsOf;

    private (SnapshotHost Host, WorldHistorySource Source) Start(bool withStore = true)
    {
        var source = new WorldHistorySource(demo.Data, demo.Bgnr);
        return (new SnapshotHost(source, demo.ModelsPath, withStore ? $"Data Source={file}" : null, Today), source);
    }

    [Fact]
    public async Task A_forecast_of_the_whole_board_today_is_kept_as_the_live_snapshot_of_its_moment()
    {
        var (host, source) = Start();
        await using var _ = host;
        var forecasts = new Forecasts.ForecastsClient(host.Channel());
        var snapshots = new ForecastSnapshots.ForecastSnapshotsClient(host.Channel());

        var served = await forecasts.ForecastSchoolsAsync(new ForecastSchoolsRequest { Bgnr = demo.Bgnr });
        var listed = await snapshots.ListSnapshotsAsync(new ListSnapshotsRequest { Bgnr = demo.Bgnr });

        var moment = listed.Moments.ShouldHaveSingleItem();
        moment.Label.ShouldBe("2026-2027 M");
        moment.Origin.ShouldBe(SnapshotOrigin.Live);
        moment.Peildatum.ShouldBe("2027-03-01");
        moment.ModelVersion.ShouldBe(served.ModelVersion);
        moment.Schools.ShouldBe(31);

        var first = served.Schools[0];
        var history = await snapshots.GetOutlookHistoryAsync(new GetOutlookHistoryRequest { Bgnr = demo.Bgnr, Brin = first.Brin, Vestiging = first.Vestiging });
        history.Snapshots.ShouldHaveSingleItem().Schools.ShouldHaveSingleItem().ShouldBe(SnapshotStore.Compact(first));

        // A new import recomputes the same moment: it replaces the snapshot, it does not add one.
        source.Import();
        await forecasts.ForecastSchoolsAsync(new ForecastSchoolsRequest { Bgnr = demo.Bgnr });
        (await snapshots.ListSnapshotsAsync(new ListSnapshotsRequest { Bgnr = demo.Bgnr })).Moments.Count.ShouldBe(1);
    }

    [Fact]
    public async Task A_forecast_of_one_school_or_of_another_date_is_no_live_snapshot()
    {
        var (host, _) = Start();
        await using var __ = host;
        var forecasts = new Forecasts.ForecastsClient(host.Channel());
        var snapshots = new ForecastSnapshots.ForecastSnapshotsClient(host.Channel());
        var school = demo.Board.Schools[0].Id;

        await forecasts.ForecastSchoolsAsync(new ForecastSchoolsRequest { Bgnr = demo.Bgnr, Brin = school.Brin, Vestiging = school.Vestiging });
        await forecasts.ForecastSchoolsAsync(new ForecastSchoolsRequest { Bgnr = demo.Bgnr, Peildatum = "2026-06-30" });

        (await snapshots.ListSnapshotsAsync(new ListSnapshotsRequest { Bgnr = demo.Bgnr })).Moments.ShouldBeEmpty();
    }

    [Fact]
    public async Task The_backfill_recomputes_six_half_years_from_the_data_as_of_each_moment_and_says_so()
    {
        var (host, source) = Start();
        await using var _ = host;
        var snapshots = new ForecastSnapshots.ForecastSnapshotsClient(host.Channel());

        var first = await snapshots.BackfillSnapshotsAsync(new BackfillSnapshotsRequest { Bgnr = demo.Bgnr });
        var again = await snapshots.BackfillSnapshotsAsync(new BackfillSnapshotsRequest { Bgnr = demo.Bgnr });
        var listed = await snapshots.ListSnapshotsAsync(new ListSnapshotsRequest { Bgnr = demo.Bgnr });

        string[] expected = ["2023-2024 M", "2023-2024 E", "2024-2025 M", "2024-2025 E", "2025-2026 M", "2025-2026 E"];
        first.Written.Select(m => m.Label).ShouldBe(expected);
        again.Written.Count.ShouldBe(6);
        listed.Moments.Select(m => m.Label).ShouldBe(expected);
        listed.Moments.ShouldAllBe(m => m.Origin == SnapshotOrigin.Recomputed && m.Schools == 31);
        // Each moment was forecast from the data as it stood on its own peildatum, not from today's.
        source.Loaded.ShouldContain(new DateOnly(2024, 2, 22));
        source.Loaded.ShouldContain(new DateOnly(2026, 6, 22));
        listed.Moments.Select(m => m.Peildatum).ShouldBe(["2024-02-22", "2024-06-22", "2025-02-22", "2025-06-22", "2026-02-22", "2026-06-22"]);

        // Each snapshot looks ahead from its own moment: by the eind moment the year's doorstroomtoets is realised
        // (March), so the first forecast outflow year moves on.
        var school = demo.Board.Schools[0].Id;
        var history = await snapshots.GetOutlookHistoryAsync(new GetOutlookHistoryRequest { Bgnr = demo.Bgnr, Brin = school.Brin, Vestiging = school.Vestiging });
        history.Snapshots.Count.ShouldBe(6);
        history.Snapshots.Select(s => s.Schools.Single().Years.First(y => y.Subject.Length == 0).OutflowYear)
            .ShouldBe([2023, 2024, 2024, 2025, 2025, 2026]);
    }

    [Fact]
    public async Task The_track_record_sets_the_last_forecast_before_each_realised_year_beside_what_happened()
    {
        var (host, source) = Start();
        await using var _ = host;
        var snapshots = new ForecastSnapshots.ForecastSnapshotsClient(host.Channel());
        await snapshots.BackfillSnapshotsAsync(new BackfillSnapshotsRequest { Bgnr = demo.Bgnr });

        var record = await snapshots.GetTrackRecordAsync(new GetTrackRecordRequest { Bgnr = demo.Bgnr });

        record.Entries.Select(e => e.OutflowYear).Distinct().Order().ShouldBe([2023, 2024, 2025]);
        record.Entries.Where(e => e.OutflowYear == 2025).ShouldAllBe(e => e.MadeAt.Label == "2025-2026 M");
        // What happened, counted independently from the pupils' outflow as of today.
        var today = await source.LoadAsync(demo.Bgnr, Today, null, default);
        foreach (var entry in record.Entries.Take(12))
        {
            var pupils = today.Histories.Where(h => h.School == SchoolId.Create(entry.Brin, entry.Vestiging) && h.Outflow.Count > 0).Select(h => h.Outflow);
            var tally = YearTally.FromPupils(new SchoolYear(entry.OutflowYear), pupils);
            entry.Realised.ShouldBe(entry.Indicator == "1F" ? tally.PercentFundamental : tally.PercentTarget);
            entry.RealisedPupils.ShouldBe(tally.Pupils);
            entry.Inside80.ShouldBe(entry.Realised >= entry.Forecast.Low80 - 1e-9 && entry.Realised <= entry.Forecast.High80 + 1e-9);
        }

        var board = record.Board;
        output.WriteLine($"track record of the simulated demo board: {board}");
        board.Entries.ShouldBe(record.Entries.Count);
        board.Recomputed.ShouldBe(board.Entries);
        board.MeanAbsoluteErrorFundamental.ShouldBe(
            Math.Round(record.Entries.Where(e => e.Indicator == "1F").Average(e => Math.Abs(e.Forecast.Expected - e.Realised)), 2));
        board.Inside80.ShouldBeInRange(0.6, 1.0);
        board.Inside95.ShouldBeGreaterThanOrEqualTo(board.Inside80);
        board.StatusCalls.ShouldBeGreaterThan(0);
        board.StatusCallsRight.ShouldBeLessThanOrEqualTo(board.StatusCalls);

        var one = record.Entries[0];
        var own = await snapshots.GetTrackRecordAsync(new GetTrackRecordRequest { Bgnr = demo.Bgnr, Brin = one.Brin, Vestiging = one.Vestiging });
        own.Entries.ShouldAllBe(e => e.Brin == one.Brin && e.Vestiging == one.Vestiging);
        own.Board.ShouldBe(record.Schools[SchoolId.Create(one.Brin, one.Vestiging).ToString()]);
    }

    [Fact]
    public async Task The_cohort_trends_are_the_mean_uniform_values_of_the_results_each_cohort_took_per_moment_and_need_no_store()
    {
        var (host, source) = Start(withStore: false);
        await using var _ = host;
        var school = demo.Board.Schools[0].Id;

        var trends = await new ForecastSnapshots.ForecastSnapshotsClient(host.Channel())
            .GetCohortTrendsAsync(new GetCohortTrendsRequest { Bgnr = demo.Bgnr, Brin = school.Brin, Vestiging = school.Vestiging });

        // Cohorts still at school on 1 March 2027: leaving in 2026-2027 (groep 8) and later, per subject.
        trends.Cohorts.ShouldAllBe(c => c.Brin == school.Brin && c.Vestiging == school.Vestiging && c.OutflowYear >= 2026);
        trends.Cohorts.Select(c => c.OutflowYear).Distinct().Count().ShouldBeGreaterThanOrEqualTo(3);
        var cohort = trends.Cohorts.First(c => c.OutflowYear == 2026 && c.Subject == "rekenen");
        var m5 = cohort.Moments.Where(m => m.Moment == "M5").ShouldHaveSingleItem();
        // The cohort leaving in 2026-2027 sat groep 5 in 2023-2024: its M5 results are the school's M5 results of that year.
        m5.SchoolYear.ShouldBe(2023);
        var pupils = (await source.LoadAsync(demo.Bgnr, Today, null, default)).Histories
            .Where(h => h.School == school)
            .SelectMany(h => h.Results)
            .Where(r => r.Subject == Subject.Rekenen && r.Moment.ToString() == "M5" && r.Year.StartYear == 2023)
            .Select(r => r.Uniform)
            .ToList();
        m5.Pupils.ShouldBe(pupils.Count);
        m5.MeanUniform.ShouldBe(Math.Round(pupils.Average(), 1));
        m5.ShareOnTrackTarget.ShouldBe(Math.Round(pupils.Count(v => v >= 200) / (double)pupils.Count, 3));
        cohort.Moments.Select(m => m.Moment).ShouldContain("M8");
    }

    [Fact]
    public async Task Without_a_store_the_snapshot_calls_fail_with_a_precondition_and_forecasts_still_work()
    {
        var (host, _) = Start(withStore: false);
        await using var __ = host;
        var snapshots = new ForecastSnapshots.ForecastSnapshotsClient(host.Channel());

        var e = await Should.ThrowAsync<RpcException>(() => snapshots.ListSnapshotsAsync(new ListSnapshotsRequest { Bgnr = demo.Bgnr }).ResponseAsync);
        e.StatusCode.ShouldBe(StatusCode.FailedPrecondition);
        e.Status.Detail.ShouldContain("ConnectionStrings:store");
        (await new Forecasts.ForecastsClient(host.Channel()).ForecastSchoolsAsync(new ForecastSchoolsRequest { Bgnr = demo.Bgnr })).Schools.Count.ShouldBe(31);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var f in new[] { file, file + "-wal", file + "-shm" })
        {
            File.Delete(f);
        }
    }
}
