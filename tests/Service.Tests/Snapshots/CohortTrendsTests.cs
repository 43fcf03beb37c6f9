using System.Diagnostics;
using Grpc.Core;
using Uitstroom.Contracts.Ingest.V1;
using Uitstroom.Contracts.Predict.V1;
using Uitstroom.Domain.Histories;
using Uitstroom.Domain.Norms;
using Uitstroom.Domain.Vocabulary;
using Uitstroom.Predict.Forecasting;
using Uitstroom.Predict.Snapshots;
using Uitstroom.Service.Tests.EndToEnd;
using Uitstroom.Service.Tests.Ingest;
using Xunit.Abstractions;

namespace Uitstroom.Service.Tests.Snapshots;

/// <summary>
/// The school report's cohort trends summed by Ingest (SumCohortMoments) against the trends Predict computed before
/// from every streamed pupil history, on the simulated demo board (31 schools, its LVS and doorstroomtoets files
/// imported as the demo does).
/// </summary>
public sealed class CohortTrendsTests(ITestOutputHelper output) : IDisposable
{
    private readonly DemoWorldFiles _world = new();

    public void Dispose()
    {
        _world.Dispose();
    }

    [Fact]
    public async Task Ingest_sums_the_same_trends_as_streamed_histories_and_differs_from_the_old_rule_only_where_a_pupil_repeated_or_skipped_a_groep()
    {
        var bgnr = _world.Bgnr;
        // With Normalise behind Ingest, as in the stack: only results placed on the uniform scale are summed.
        await using var stack = new InMemoryServices();
        using var channel = stack.Ingest.Channel();
        foreach (var file in _world.ImportOrder)
        {
            (await channel.ImportAsync(Path.GetFileName(file), await File.ReadAllBytesAsync(file))).Report.Outcome.ShouldBe("committed");
        }

        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        IPupilHistorySource source = new IngestHistorySource(new Registry.RegistryClient(channel), new PupilHistories.PupilHistoriesClient(channel));
        var streaming = Stopwatch.StartNew();
        var histories = (await source.LoadAsync(bgnr, today, null, CancellationToken.None)).Histories;
        var fromHistories = CohortTrends.Of(CohortTrends.Sum(histories, today));
        streaming.Stop();
        var summing = Stopwatch.StartNew();
        var fromIngest = CohortTrends.Of(await source.CohortMomentsAsync(bgnr, today, null, CancellationToken.None));
        summing.Stop();
        var before = OldRule(histories, SchoolYear.Containing(today));

        // The rule Ingest applies to its rows, applied to the streamed histories: the very same figures.
        Cells(fromIngest).Count.ShouldBeGreaterThan(31 * 3 * 3);
        Cells(fromIngest).ShouldBe(Cells(fromHistories));

        // Before, a pupil's every result went to the cohort it was in last. That moves only the results of pupils
        // who repeated or skipped a groep: every cell that differs holds a result of such a pupil.
        var movers = histories.Where(h => h.Results.Any(r => r.Year.Plus(8 - r.Moment.Groep) != h.OutflowYear)).ToList();
        var touched = movers
            .SelectMany(h => h.Results.SelectMany(r => new[] { h.OutflowYear, r.Year.Plus(8 - r.Moment.Groep) }
                .Select(c => Key(h.School.ToString(), c.StartYear, r.Subject.Code(), r.Moment.ToString(), r.Year.StartYear))))
            .ToHashSet(StringComparer.Ordinal);
        var now = Cells(fromIngest).ToDictionary(c => c.Key, c => c.Figures, StringComparer.Ordinal);
        var then = Cells(before).ToDictionary(c => c.Key, c => c.Figures, StringComparer.Ordinal);
        var differing = now.Keys.Union(then.Keys)
            .Where(k => !now.TryGetValue(k, out var a) || !then.TryGetValue(k, out var b) || a != b)
            .ToList();
        output.WriteLine($"{histories.Count:N0} histories streamed and summed in {streaming.ElapsedMilliseconds} ms; summed by Ingest in {summing.ElapsedMilliseconds} ms");
        output.WriteLine($"{now.Count} cells; {differing.Count} differ from the old rule, all touched by the {movers.Count} pupils who repeated or skipped a groep");
        differing.ShouldAllBe(k => touched.Contains(k));

        // And they move a cohort's figures little: per cell present under both rules, the mean and the share on track
        // for the target as a report shows them.
        var shifts = now.Keys.Intersect(then.Keys)
            .Select(k => (Mean: Math.Abs(Figure(now[k], 1) - Figure(then[k], 1)), Target: Math.Abs(Figure(now[k], 3) - Figure(then[k], 3)),
                Pupils: Math.Abs(Figure(now[k], 0) - Figure(then[k], 0)) / Figure(now[k], 0)))
            .ToList();
        var p95Mean = Percentile95(shifts.Select(s => s.Mean));
        var p95Target = Percentile95(shifts.Select(s => s.Target));
        var p95Pupils = Percentile95(shifts.Select(s => s.Pupils));
        output.WriteLine($"{shifts.Count} cells under both rules; 95th percentile shift: mean {p95Mean:0.0} points, share on track for the target {p95Target:0.000}, pupils {p95Pupils:P0}");
        p95Mean.ShouldBeLessThan(6);
        p95Target.ShouldBeLessThan(0.05);
    }

    [Fact]
    public async Task One_school_gets_its_own_cohorts_only_and_an_unknown_board_is_NotFound()
    {
        // With Normalise behind Ingest, as in the stack: only results placed on the uniform scale are summed.
        await using var stack = new InMemoryServices();
        using var channel = stack.Ingest.Channel();
        (await channel.ImportAsync("scholen.csv", Files.Schools)).Report.Outcome.ShouldBe("committed");
        (await channel.ImportAsync("lvs.csv", Files.Lvs(Files.ValidLvs))).Report.Outcome.ShouldBe("committed");
        var client = new PupilHistories.PupilHistoriesClient(channel);

        var board = await client.SumCohortMomentsAsync(new CohortMomentsRequest { Bgnr = "41565", AsOf = "2026-07-01" });
        var school = await client.SumCohortMomentsAsync(new CohortMomentsRequest { Bgnr = "41565", AsOf = "2026-07-01", Brin = "00AP", Vestiging = 0 });

        output.WriteLine(string.Join("\n", board.Moments));
        board.Moments.ShouldNotBeEmpty();
        board.Moments.ShouldAllBe(m => m.OutflowYear >= 2026 && m.Results > 0 && m.OnTrackTarget <= m.OnTrackFundamental);
        school.Moments.ShouldAllBe(m => m.Brin == "00AP" && m.Vestiging == 0);
        school.Moments.ShouldBe(board.Moments.Where(m => m.Brin == "00AP" && m.Vestiging == 0));
        var e = await Should.ThrowAsync<RpcException>(() => client.SumCohortMomentsAsync(new CohortMomentsRequest { Bgnr = "99999" }).ResponseAsync);
        e.StatusCode.ShouldBe(StatusCode.NotFound);
    }

    /// <summary>Predict's computation before SumCohortMoments: each pupil still at school, all its results in the cohort it was in last.</summary>
    private static CohortTrendsResponse OldRule(IEnumerable<PupilHistory> histories, SchoolYear current)
    {
        var response = new CohortTrendsResponse();
        foreach (var cohort in histories.Where(h => h.Outflow.Count == 0 && h.OutflowYear >= current).GroupBy(h => (h.School, h.OutflowYear)))
        {
            foreach (var subject in cohort.SelectMany(h => h.Results).GroupBy(r => r.Subject))
            {
                var trend = new CohortTrendMessage
                {
                    Brin = cohort.Key.School.Brin,
                    Vestiging = cohort.Key.School.Vestiging,
                    OutflowYear = cohort.Key.OutflowYear.StartYear,
                    Subject = subject.Key.Code(),
                };
                foreach (var moment in subject.GroupBy(r => (r.Year, r.Moment)))
                {
                    var values = moment.Select(r => r.Uniform).ToList();
                    trend.Moments.Add(new MomentMeanMessage
                    {
                        Moment = moment.Key.Moment.ToString(),
                        SchoolYear = moment.Key.Year.StartYear,
                        Pupils = values.Count,
                        MeanUniform = Math.Round(values.Average(), 1),
                        ShareOnTrackFundamental = Math.Round(values.Count(v => v >= UniformScale.OnTrackFundamental) / (double)values.Count, 3),
                        ShareOnTrackTarget = Math.Round(values.Count(v => v >= UniformScale.OnTrackTarget) / (double)values.Count, 3),
                    });
                }

                response.Cohorts.Add(trend);
            }
        }

        return response;
    }

    private static List<(string Key, string Figures)> Cells(CohortTrendsResponse trends) =>
        [.. trends.Cohorts
            .SelectMany(c => c.Moments.Select(m => (
                Key: Key(SchoolId.Create(c.Brin, c.Vestiging).ToString(), c.OutflowYear, c.Subject, m.Moment, m.SchoolYear),
                Figures: FormattableString.Invariant($"{m.Pupils} {m.MeanUniform} {m.ShareOnTrackFundamental} {m.ShareOnTrackTarget}"))))
            .OrderBy(c => c.Key, StringComparer.Ordinal)];

    private static double Figure(string figures, int index) => double.Parse(figures.Split(' ')[index], System.Globalization.CultureInfo.InvariantCulture);

    private static double Percentile95(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[(int)Math.Floor(0.95 * (sorted.Count - 1))];
    }

    private static string Key(string school, int cohort, string subject, string moment, int year) => $"{school} {cohort} {subject} {moment} {year}";
}
