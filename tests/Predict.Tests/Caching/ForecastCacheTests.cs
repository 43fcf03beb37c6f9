using Microsoft.Extensions.DependencyInjection;
using Uitstroom.Contracts.Predict.V1;
using Uitstroom.Predict.Caching;

namespace Uitstroom.Predict.Tests.Caching;

/// <summary>Acceptance 3 of issue 7: Redis serves a repeated request, an import recomputes, Redis down still answers.</summary>
public sealed class ForecastCacheTests(DemoBoardFixture demo) : IClassFixture<DemoBoardFixture>
{
    private ForecastSchoolsRequest Request => new() { Bgnr = demo.Bgnr, Peildatum = demo.Peildatum };

    [Fact]
    public async Task A_second_identical_request_is_served_from_Redis()
    {
        using var redis = new RedisServer();
        var source = new InMemoryHistorySource(demo.Board);
        await using var host = new PredictHost(source, demo.ModelsPath, redis.ConnectionString);
        var client = new Forecasts.ForecastsClient(host.Channel());

        var first = await client.ForecastSchoolsAsync(Request);
        var second = await client.ForecastSchoolsAsync(Request);

        first.FromCache.ShouldBeFalse();
        second.FromCache.ShouldBeTrue();
        second.Schools.Count.ShouldBe(31);
        second.Schools.ShouldBe(first.Schools);
        source.Loads.ShouldBe(1);
        var metrics = host.Services.GetRequiredService<CacheMetrics>();
        metrics.Hits.ShouldBe(1);
        metrics.Misses.ShouldBe(1);
    }

    [Fact]
    public async Task Each_school_is_cut_from_the_boards_answer_so_the_board_is_read_and_computed_once()
    {
        using var redis = new RedisServer();
        var source = new InMemoryHistorySource(demo.Board);
        await using var host = new PredictHost(source, demo.ModelsPath, redis.ConnectionString);
        var client = new Forecasts.ForecastsClient(host.Channel());
        var board = await client.ForecastSchoolsAsync(Request);

        foreach (var school in board.Schools.Take(5))
        {
            var one = await client.ForecastSchoolsAsync(new ForecastSchoolsRequest
            {
                Bgnr = demo.Bgnr, Peildatum = demo.Peildatum, Brin = school.Brin, Vestiging = school.Vestiging,
            });

            one.FromCache.ShouldBeTrue();
            one.Schools.ShouldHaveSingleItem().ShouldBe(school);
        }

        source.Loads.ShouldBe(1);
        var unknown = await Should.ThrowAsync<Grpc.Core.RpcException>(() => client.ForecastSchoolsAsync(new ForecastSchoolsRequest
        {
            Bgnr = demo.Bgnr, Peildatum = demo.Peildatum, Brin = "ZZ99", Vestiging = 0,
        }).ResponseAsync);
        unknown.StatusCode.ShouldBe(Grpc.Core.StatusCode.NotFound);
    }

    [Fact]
    public async Task An_import_for_the_board_makes_the_next_request_recompute()
    {
        using var redis = new RedisServer();
        var source = new InMemoryHistorySource(demo.Board);
        await using var host = new PredictHost(source, demo.ModelsPath, redis.ConnectionString);
        var client = new Forecasts.ForecastsClient(host.Channel());

        var before = await client.ForecastSchoolsAsync(Request);
        source.Import();
        var after = await client.ForecastSchoolsAsync(Request);
        var again = await client.ForecastSchoolsAsync(Request);

        after.FromCache.ShouldBeFalse();
        after.Generation.ShouldBe(before.Generation + 1);
        again.FromCache.ShouldBeTrue();
        source.Loads.ShouldBe(2);
    }

    [Fact]
    public async Task With_Redis_stopped_the_request_still_succeeds()
    {
        using var redis = new RedisServer();
        var source = new InMemoryHistorySource(demo.Board);
        await using var host = new PredictHost(source, demo.ModelsPath, redis.ConnectionString);
        var client = new Forecasts.ForecastsClient(host.Channel());
        await client.ForecastSchoolsAsync(Request);

        redis.Stop();
        var first = await client.ForecastSchoolsAsync(Request);
        var second = await client.ForecastSchoolsAsync(Request);

        first.FromCache.ShouldBeFalse();
        first.Schools.Count.ShouldBe(31);
        second.Schools.Count.ShouldBe(31);
        host.Services.GetRequiredService<CacheMetrics>().Failures.ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task Without_a_cache_configured_forecasts_are_computed_every_time()
    {
        var source = new InMemoryHistorySource(demo.Board);
        await using var host = new PredictHost(source, demo.ModelsPath, redis: null);
        var client = new Forecasts.ForecastsClient(host.Channel());

        (await client.ForecastSchoolsAsync(Request)).FromCache.ShouldBeFalse();
        (await client.ForecastSchoolsAsync(Request)).FromCache.ShouldBeFalse();
        source.Loads.ShouldBe(2);
    }

    [Fact]
    public async Task Pupil_forecasts_carry_both_probabilities_for_every_pupil_from_groep_5_and_subject()
    {
        var source = new InMemoryHistorySource(demo.Board);
        await using var host = new PredictHost(source, demo.ModelsPath, redis: null);
        var client = new Forecasts.ForecastsClient(host.Channel());

        var reply = await client.ForecastPupilsAsync(new ForecastPupilsRequest { Bgnr = demo.Bgnr, Peildatum = demo.Peildatum });

        reply.Pupils.Count.ShouldBeGreaterThan(1000);
        reply.Pupils.Count.ShouldBe(reply.Pupils.Select(p => (p.PupilKey, p.Subject)).Distinct().Count());
        reply.Pupils.ShouldAllBe(p => p.Groep >= 5 && p.Groep <= 8 && p.P1F >= p.PStreef && p.PStreef >= 0 && p.P1F <= 1);
        reply.ModelVersion.ShouldBe("test-demo");
    }

    [Fact]
    public async Task An_unknown_board_or_a_malformed_peildatum_is_the_callers_error()
    {
        var source = new InMemoryHistorySource(demo.Board);
        await using var host = new PredictHost(source, demo.ModelsPath, redis: null);
        var client = new Forecasts.ForecastsClient(host.Channel());

        var bad = await Should.ThrowAsync<Grpc.Core.RpcException>(() => client.ForecastSchoolsAsync(new ForecastSchoolsRequest { Bgnr = demo.Bgnr, Peildatum = "1-3-2026" }).ResponseAsync);
        bad.StatusCode.ShouldBe(Grpc.Core.StatusCode.InvalidArgument);
        bad.Status.Detail.ShouldContain("peildatum");
        var unknown = await Should.ThrowAsync<Grpc.Core.RpcException>(() => client.ForecastSchoolsAsync(new ForecastSchoolsRequest { Bgnr = "12345" }).ResponseAsync);
        unknown.StatusCode.ShouldBe(Grpc.Core.StatusCode.NotFound);
    }
}
