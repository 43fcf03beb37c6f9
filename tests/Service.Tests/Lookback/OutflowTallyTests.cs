using System.Diagnostics;
using Grpc.Core;
using Uitstroom.Contracts.Ingest.V1;
using Uitstroom.Domain.Inspectie;
using Uitstroom.Domain.Vocabulary;
using Uitstroom.Predict.Forecasting;
using Uitstroom.Predict.Schools;
using Uitstroom.Service.Tests.Ingest;
using Xunit.Abstractions;

namespace Uitstroom.Service.Tests.Lookback;

/// <summary>
/// Ingest's outflow tally (TallyOutflow) against what the look-back counted before it existed: every pupil history
/// of the board streamed to Predict and counted there (<see cref="Tallies.BySchoolAndYear"/>). Same figures, on
/// the simulated demo board (31 schools, all its LVS and doorstroomtoets files imported as the demo does).
/// </summary>
public sealed class OutflowTallyTests(ITestOutputHelper output) : IDisposable
{
    private readonly TempSqlite _db = new();
    private readonly DemoWorldFiles _world = new();

    public void Dispose()
    {
        _db.Dispose();
        _world.Dispose();
    }

    [Fact]
    public async Task The_tally_Ingest_counts_equals_the_tally_counted_from_streamed_histories_on_the_demo_board()
    {
        var bgnr = _world.Bgnr;
        await using var ingest = new ServiceHost<IngestProgram>(new Dictionary<string, string?> { ["ConnectionStrings:store"] = _db.ConnectionString });
        using var channel = ingest.Channel();
        foreach (var file in _world.ImportOrder)
        {
            (await channel.ImportAsync(Path.GetFileName(file), await File.ReadAllBytesAsync(file))).Report.Outcome.ShouldBe("committed");
        }

        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var streaming = Stopwatch.StartNew();
        var board = await new IngestHistorySource(new Registry.RegistryClient(channel), new PupilHistories.PupilHistoriesClient(channel))
            .LoadAsync(bgnr, today, null, CancellationToken.None);
        var fromHistories = Tallies.BySchoolAndYear(board.Histories);
        streaming.Stop();
        var tallying = Stopwatch.StartNew();
        var fromIngest = await Predict.Lookback.OutflowCounts.ForBoardAsync(new PupilHistories.PupilHistoriesClient(channel), bgnr, today, CancellationToken.None);
        tallying.Stop();
        output.WriteLine($"{board.Histories.Count:N0} histories streamed and counted in {streaming.ElapsedMilliseconds} ms; tallied by Ingest in {tallying.ElapsedMilliseconds} ms");

        static IEnumerable<string> Flat(Dictionary<SchoolId, Dictionary<SchoolYear, YearTally>> tallies) =>
            tallies.SelectMany(s => s.Value.Values.Select(t => $"{s.Key} {t}")).Order(StringComparer.Ordinal);
        fromHistories.Count.ShouldBe(31);
        fromHistories.Values.Sum(y => y.Count).ShouldBeGreaterThan(31 * 3);
        Flat(fromIngest).ShouldBe(Flat(fromHistories));
    }

    [Fact]
    public async Task Exempted_pupils_and_results_without_a_level_are_left_out_and_an_unknown_board_is_NotFound()
    {
        await using var ingest = new ServiceHost<IngestProgram>(new Dictionary<string, string?> { ["ConnectionStrings:store"] = _db.ConnectionString });
        using var channel = ingest.Channel();
        (await channel.ImportAsync("scholen.csv", Files.Schools)).Report.Outcome.ShouldBe("committed");
        (await channel.ImportAsync("doorstroomtoets.csv", """
            brin,vestiging,leerling_id,schooljaar,aanbieder,vak,referentieniveau,ontheffing
            00AP,0,a,2023-2024,ROUTE_8,lezen,2F,0
            00AP,0,a,2023-2024,ROUTE_8,taalverzorging,1F,0
            00AP,0,a,2023-2024,ROUTE_8,rekenen,L1F,0
            00AP,0,b,2023-2024,ROUTE_8,lezen,,1
            00AP,0,b,2023-2024,ROUTE_8,taalverzorging,,1
            00AP,0,b,2023-2024,ROUTE_8,rekenen,,1
            00AP,0,c,2023-2024,ROUTE_8,lezen,1F,0
            00AP,0,c,2023-2024,ROUTE_8,rekenen,,1
            00AP,1,d,2024-2025,ROUTE_8,rekenen,1S,0
            """)).Report.Outcome.ShouldBe("committed");
        var client = new PupilHistories.PupilHistoriesClient(channel);

        var reply = await client.TallyOutflowAsync(new OutflowTallyRequest { Bgnr = "41565", AsOf = "2026-01-15" });

        reply.Tallies.Select(t => (t.Brin, t.Vestiging, t.SchoolYear, t.Pupils, t.Results, t.AtFundamental, t.AtTarget))
            .ShouldBe([("00AP", 0, 2023, 2, 4, 3, 1), ("00AP", 1, 2024, 1, 1, 1, 1)]);
        // Before the end of March 2025 the 2024-2025 results were not out yet.
        (await client.TallyOutflowAsync(new OutflowTallyRequest { Bgnr = "41565", AsOf = "2025-03-01" })).Tallies.ShouldHaveSingleItem().SchoolYear.ShouldBe(2023);
        var e = await Should.ThrowAsync<RpcException>(() => client.TallyOutflowAsync(new OutflowTallyRequest { Bgnr = "99999" }).ResponseAsync);
        e.StatusCode.ShouldBe(StatusCode.NotFound);
    }
}
