using System.Diagnostics;
using Grpc.Core;
using Uitstroom.Contracts.Predict.V1;
using Uitstroom.Contracts.Reporting.V1;
using Uitstroom.Tests.Stack;
using Xunit.Abstractions;

namespace Uitstroom.Fault.Tests.Faults;

/// <summary>
/// Issue 9, acceptance 2 — faults under the report path: Redis killed under a stream of report requests, Predict
/// stopped and started again, each with the processes really killed and started.
/// </summary>
public class ReportingFaultTests(ReportingProcesses stack, ITestOutputHelper output) : IClassFixture<ReportingProcesses>
{
    private const int Requests = 500;
    private const int Clients = 4;

    /// <summary>Reporting's deadline for a Predict call (Reporting__PredictDeadline in the fixture).</summary>
    private static readonly TimeSpan PredictDeadline = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Redis_killed_during_500_report_requests_fails_none_and_the_cache_is_used_again_after_its_restart()
    {
        var (reportingChannel, reporting) = StackClients.Grpc(stack.Reporting.Grpc);
        var (predictChannel, predict) = StackClients.Grpc(stack.Predict.Grpc);
        using var _ = reportingChannel;
        using var __ = predictChannel;
        var reports = new BoardReports.BoardReportsClient(reporting);
        var forecasts = new Forecasts.ForecastsClient(predict);
        await stack.Redis.StartAsync();
        (await CachedAfterOneMoreCallAsync(forecasts)).ShouldBeTrue("before the fault the cache is in use");

        var next = -1;
        var failures = new List<string>();
        var duringOutage = new List<bool>();
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, Clients).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < Requests)
            {
                if (i == 100)
                {
                    await stack.Redis.KillAsync();
                    // Asked directly, Predict now answers without its cache.
                    for (var k = 0; k < 2; k++)
                    {
                        var direct = await forecasts.ForecastSchoolsAsync(new ForecastSchoolsRequest { Bgnr = ReportingProcesses.Board }, deadline: DateTime.UtcNow + PredictDeadline);
                        lock (duringOutage)
                        {
                            duringOutage.Add(direct.FromCache);
                        }
                    }
                }
                else if (i == 350)
                {
                    await stack.Redis.StartAsync();
                }

                try
                {
                    var report = await Overview(reports, ReportingProcesses.Board);
                    if (report.Forecast.Freshness != Freshness.Current || report.Schools.Count == 0)
                    {
                        lock (failures)
                        {
                            failures.Add($"request {i}: forecast {report.Forecast.Freshness}, {report.Schools.Count} schools: {string.Join("; ", report.Notices.Select(n => n.Message))}");
                        }
                    }
                }
                catch (RpcException e)
                {
                    lock (failures)
                    {
                        failures.Add($"request {i}: {e.StatusCode} {e.Status.Detail}");
                    }
                }
            }
        })));
        output.WriteLine($"{Requests} report requests by {Clients} clients in {watch.Elapsed.TotalSeconds:0.0} s; Redis killed at 100, restarted at 350");

        failures.Take(10).ShouldBeEmpty($"{failures.Count} of {Requests} requests failed; the first ten are shown");
        duringOutage.ShouldAllBe(fromCache => !fromCache, "with Redis dead, forecasts are computed");

        // Back by itself: once the breaker lets a trial call through, answers come from the cache again.
        var until = DateTime.UtcNow.AddSeconds(60);
        var cached = false;
        while (!cached && DateTime.UtcNow < until)
        {
            cached = await CachedAfterOneMoreCallAsync(forecasts);
            if (!cached)
            {
                await Task.Delay(1000);
            }
        }

        cached.ShouldBeTrue("Predict did not use the restarted Redis within 60 s");
    }

    [Fact]
    public async Task Predict_stopped_gets_a_labelled_stale_or_unavailable_answer_within_the_deadline_and_Reporting_recovers_when_it_returns()
    {
        var reportingPid = stack.Reporting.Pid;
        var (channel, reporting) = StackClients.Grpc(stack.Reporting.Grpc);
        using var _ = channel;
        var reports = new BoardReports.BoardReportsClient(reporting);
        const string seen = ReportingProcesses.Board;
        (await CurrentAsync(reports, seen)).ShouldBe(Freshness.Current, "before the fault the report is current");

        await stack.Predict.StopAsync();
        try
        {
            // A board whose forecast Reporting fetched before: the last good one, labelled stale.
            var (stale, first) = await Timed(() => Overview(reports, seen));
            stale.Forecast.Freshness.ShouldBe(Freshness.Stale);
            stale.Forecast.FetchedAt.ShouldNotBeEmpty();
            stale.Notices.ShouldContain(n => n.Code == "stale");
            first.ShouldBeLessThan(PredictDeadline);

            // A board Reporting never fetched from Predict: no forecast, said so in the answer, not a failed call.
            var (overview, unseen) = await Timed(() => Overview(reports, "90002"));
            overview.Forecast.Freshness.ShouldBe(Freshness.Unavailable);
            overview.Notices.ShouldContain(n => n.Code == "forecast_unavailable");
            unseen.ShouldBeLessThan(PredictDeadline);

            // Once the breaker is open, the outage costs a reader nothing.
            var later = new List<TimeSpan>();
            for (var i = 0; i < 10; i++)
            {
                later.Add((await Timed(() => Overview(reports, seen))).Elapsed);
            }

            output.WriteLine($"Predict down: first report {first.TotalMilliseconds:0} ms, unseen board {unseen.TotalMilliseconds:0} ms, " +
                             $"next ten {string.Join(", ", later.Select(t => t.TotalMilliseconds.ToString("0", System.Globalization.CultureInfo.InvariantCulture)))} ms");
            later.ShouldAllBe(t => t < PredictDeadline);
        }
        finally
        {
            await stack.Predict.StartAsync();
        }

        (await CurrentAsync(reports, seen)).ShouldBe(Freshness.Current, "Reporting did not recover within 120 s of Predict's return");
        stack.Reporting.Pid.ShouldBe(reportingPid, "Reporting was not restarted");
    }

    private static async Task<BoardOverview> Overview(BoardReports.BoardReportsClient reports, string bgnr) =>
        await reports.GetBoardOverviewAsync(new GetBoardOverviewRequest { Bgnr = bgnr }, deadline: DateTime.UtcNow.AddSeconds(90));

    /// <summary>
    /// Asks for the overview until its forecast is current, for up to 120 s; returns the last freshness seen. On a
    /// loaded machine a single call can miss its deadline (which is the point of deadlines), so one answer proves little.
    /// </summary>
    private static async Task<Freshness> CurrentAsync(BoardReports.BoardReportsClient reports, string bgnr)
    {
        var until = DateTime.UtcNow.AddSeconds(120);
        var freshness = Freshness.Unspecified;
        while (freshness != Freshness.Current && DateTime.UtcNow < until)
        {
            try
            {
                freshness = (await Overview(reports, bgnr)).Forecast.Freshness;
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.Unavailable)
            {
                freshness = Freshness.Unavailable;
            }

            if (freshness != Freshness.Current)
            {
                await Task.Delay(500);
            }
        }

        return freshness;
    }

    private static async Task<(T Value, TimeSpan Elapsed)> Timed<T>(Func<Task<T>> call)
    {
        var watch = Stopwatch.StartNew();
        var value = await call();
        return (value, watch.Elapsed);
    }

    /// <summary>Asks for the board's forecast twice; true when the second answer came from Redis.</summary>
    private static async Task<bool> CachedAfterOneMoreCallAsync(Forecasts.ForecastsClient forecasts)
    {
        var request = new ForecastSchoolsRequest { Bgnr = ReportingProcesses.Board };
        await forecasts.ForecastSchoolsAsync(request, deadline: DateTime.UtcNow + PredictDeadline);
        return (await forecasts.ForecastSchoolsAsync(request, deadline: DateTime.UtcNow + PredictDeadline)).FromCache;
    }
}
