using Grpc.Core;
using Microsoft.Extensions.Options;
using Uitstroom.Contracts.Predict.V1;
using Uitstroom.Reporting.Sources;

namespace Uitstroom.Reporting.Tests;

/// <summary>Reporting's reading of Predict's forecast contract: it selects and relabels, never recomputes.</summary>
public class PredictForecastSourceTests
{
    private static PercentRange Range(double expected, double spread) => new()
    {
        Expected = expected, Low80 = expected - spread, High80 = expected + spread, Low95 = expected - (2 * spread), High95 = expected + (2 * spread),
    };

    private static ForecastSchoolsResponse Reply()
    {
        var school = new SchoolForecastMessage { Brin = "07YS", Vestiging = 1, Status = "oranje", MaxProbabilityBelow = 0.31 };
        foreach (var (year, groep) in new[] { (2025, 8), (2026, 7), (2027, 6) })
        {
            school.Years.Add(new YearOutlookMessage { OutflowYear = year, GroepNow = groep, Pupils = 20 + groep, Fundamental = Range(95, 3), Streef = Range(52, 9), AtRiskFundamental = 1, AtRiskStreef = 8 });
            foreach (var subject in new[] { "lezen", "taalverzorging", "rekenen" })
            {
                school.Years.Add(new YearOutlookMessage { OutflowYear = year, GroepNow = groep, Subject = subject, Pupils = 20 + groep, Fundamental = Range(96, 3), Streef = Range(subject == "rekenen" ? 40 : 60, 10), AtRiskFundamental = 1, AtRiskStreef = 3 });
            }

            school.Indicators.Add(new IndicatorOutlookMessage { JudgementYear = year, Indicator = "1F", Value = Range(95.5, 1.5), Signaleringswaarde = 85, ProbabilityBelow = 0.01 });
            school.Indicators.Add(new IndicatorOutlookMessage { JudgementYear = year, Indicator = "1S/2F", Value = Range(50 - (year - 2025), 4), Signaleringswaarde = 47.1, ProbabilityBelow = 0.1 * (year - 2024) + 0.01 });
        }

        school.Gaps.Add(new GapMessage { JudgementYear = 2026, Indicator = "1S/2F", ExtraResults = 9 });
        school.Gaps.Add(new GapMessage { JudgementYear = 2025, Indicator = "1S/2F", ExtraResults = 4 });
        return new ForecastSchoolsResponse { Schools = { school }, ModelVersion = "fasttree-7", Peildatum = "2026-02-15" };
    }

    private static PredictForecastSource Source(Func<ForecastSchoolsRequest, ForecastSchoolsResponse> answer, CohortTrendsResponse? trends = null) =>
        new(new FakeForecasts(answer), new FakeTrends(trends), Options.Create(new SourceOptions()));

    [Fact]
    public async Task A_schools_cohorts_carry_Predicts_trend_over_their_test_moments_and_lose_nothing_when_it_is_missing()
    {
        var trend = new CohortTrendMessage { Brin = "07YS", Vestiging = 1, OutflowYear = 2026, Subject = "rekenen" };
        trend.Moments.Add(new MomentMeanMessage { Moment = "M5", SchoolYear = 2023, Pupils = 27, MeanUniform = 131.5, ShareOnTrackFundamental = 0.9, ShareOnTrackTarget = 0.4 });
        trend.Moments.Add(new MomentMeanMessage { Moment = "E5", SchoolYear = 2023, Pupils = 26, MeanUniform = 134.0, ShareOnTrackFundamental = 0.92, ShareOnTrackTarget = 0.42 });

        var school = await Source(_ => Reply(), new CohortTrendsResponse { Cohorts = { trend } }).GetSchoolAsync("41583", "07YS", 1, CancellationToken.None);
        var without = await Source(_ => Reply()).GetSchoolAsync("41583", "07YS", 1, CancellationToken.None);

        var rekenen = school.Cohorts.Single(c => c.OutflowYear == "2026-2027").Subjects.Single(s => s.Subject == "rekenen");
        rekenen.Trend.Select(t => (t.Moment, t.SchoolYear, t.Pupils, t.MeanUniformScore)).ShouldBe([("M5", "2023-2024", 27, 131.5), ("E5", "2023-2024", 26, 134.0)]);
        rekenen.Trend[1].ShareOnTrackTarget.ShouldBe(0.42);
        school.Cohorts.SelectMany(c => c.Subjects).Where(s => s != rekenen).ShouldAllBe(s => s.Trend.Count == 0);
        without.Cohorts.Count.ShouldBe(3);
        without.Cohorts.SelectMany(c => c.Subjects).ShouldAllBe(s => s.Trend.Count == 0);
    }

    [Fact]
    public async Task Pooled_year_outlooks_become_forecast_years_with_the_judgement_made_after_each()
    {
        var board = await Source(_ => Reply()).GetBoardAsync("41583", CancellationToken.None);

        board.ModelVersion.ShouldBe("fasttree-7");
        board.AsOf.ShouldBe("2026-02-15");
        var school = board.Schools.ShouldHaveSingleItem();
        (school.Brin, school.Vestiging, school.Status).ShouldBe(("07YS", 1, "oranje"));
        school.Target.Years.Select(y => y.SchoolYear).ShouldBe(["2025-2026", "2026-2027", "2027-2028"]);
        school.Target.Years[0].Percent.ShouldBe(new Sources.Range(52, 43, 61, 0.8));
        school.Target.Years[1].ProjectedIndicator.Expected.ShouldBe(49);
        school.Target.Years[2].ProbabilityBelow.ShouldBe(0.31, 1e-9);
        school.Target.ProbabilityBelow!.Value.ShouldBe(0.31, 1e-9);
        school.Target.GapResults.ShouldBe(4);
        school.Fundamental.GapResults.ShouldBe(0);
        school.Subjects.ShouldBeEmpty();
    }

    [Fact]
    public async Task The_school_forecast_carries_the_subjects_with_their_target_level_and_one_cohort_per_outflow_year()
    {
        ForecastSchoolsRequest? asked = null;
        var school = await Source(r => { asked = r; return Reply(); }).GetSchoolAsync("41583", "07YS", 1, CancellationToken.None);

        (asked!.Bgnr, asked.Brin, asked.Vestiging).ShouldBe(("41583", "07YS", 1));
        school.Subjects.Select(s => (s.Subject, s.TargetLevel)).ShouldBe([("lezen", "2F"), ("taalverzorging", "2F"), ("rekenen", "1S")]);
        school.Subjects.Single(s => s.Subject == "rekenen").PupilsAtRiskTarget.ShouldBe(9);
        school.Cohorts.Select(c => (c.OutflowYear, c.Groep)).ShouldBe([("2025-2026", 8), ("2026-2027", 7), ("2027-2028", 6)]);
        school.Cohorts.ShouldAllBe(c => c.Subjects.Count == 3);
    }

    [Fact]
    public async Task No_trained_model_yet_means_no_forecast_now_rather_than_a_bad_request()
    {
        var source = Source(_ => throw new RpcException(new Status(StatusCode.FailedPrecondition, "no model trained")));

        var error = await Should.ThrowAsync<SourceUnavailableException>(() => source.GetBoardAsync("41583", CancellationToken.None));

        error.Service.ShouldBe("predict");
        error.Reason.ShouldContain("no model trained");
    }

    [Fact]
    public async Task Predict_unreachable_is_reported_as_unavailable_and_an_unknown_board_as_not_found()
    {
        var down = Source(_ => throw new RpcException(new Status(StatusCode.Unavailable, "connection refused")));
        var unknown = Source(_ => throw new RpcException(new Status(StatusCode.NotFound, "board 99999 is unknown")));

        await Should.ThrowAsync<SourceUnavailableException>(() => down.GetBoardAsync("41583", CancellationToken.None));
        (await Should.ThrowAsync<KeyNotFoundException>(() => unknown.GetBoardAsync("99999", CancellationToken.None))).Message.ShouldContain("99999");
    }

    /// <summary>Predict's trend call: the given answer, or Unavailable when there is none.</summary>
    private sealed class FakeTrends(CohortTrendsResponse? answer) : ForecastSnapshots.ForecastSnapshotsClient
    {
        public override AsyncUnaryCall<CohortTrendsResponse> GetCohortTrendsAsync(GetCohortTrendsRequest request, CallOptions options)
        {
            var reply = answer is null
                ? Task.FromException<CohortTrendsResponse>(new RpcException(new Status(StatusCode.Unavailable, "down")))
                : Task.FromResult(answer);
            return new AsyncUnaryCall<CohortTrendsResponse>(reply, Task.FromResult(new Metadata()), () => Status.DefaultSuccess, () => [], () => { });
        }
    }

    private sealed class FakeForecasts(Func<ForecastSchoolsRequest, ForecastSchoolsResponse> answer) : Forecasts.ForecastsClient
    {
        public override AsyncUnaryCall<ForecastSchoolsResponse> ForecastSchoolsAsync(ForecastSchoolsRequest request, CallOptions options)
        {
            options.Deadline.ShouldNotBeNull();
            var reply = Task.Run(() => answer(request));
            return new AsyncUnaryCall<ForecastSchoolsResponse>(reply, Task.FromResult(new Metadata()), () => Status.DefaultSuccess, () => [], () => { });
        }
    }
}
