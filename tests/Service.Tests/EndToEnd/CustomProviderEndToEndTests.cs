using Dapper;
using Grpc.Core;
using Uitstroom.Contracts.Ingest.V1;
using Uitstroom.Contracts.Normalise.V1;
using Uitstroom.Contracts.Predict.V1;
using Uitstroom.Domain.Norms;
using Uitstroom.Service.Tests.Ingest;

namespace Uitstroom.Service.Tests.EndToEnd;

/// <summary>
/// Issue 4, acceptance 2, end to end: a provider the product has never seen, registered from a CSV of cut scores
/// only, imports (Ingest learns it from Normalise), normalises (the stored uniform values come from its table, with
/// the table version), trains and forecasts (Predict, reading the stored values through Ingest). A new table version
/// changes nothing stored until a re-normalisation is asked for; then every value and version change at once.
/// </summary>
public sealed class CustomProviderEndToEndTests
{
    private sealed record StoredRow(string Moment, string Subject, double Score, double? Uniform, long? Version);

    private static async Task<List<StoredRow>> StoredAsync(InMemoryServices stack)
    {
        await using var connection = await stack.Store.OpenAsync(CancellationToken.None);
        return [.. await connection.QueryAsync<StoredRow>(
            "SELECT moment AS Moment, subject AS Subject, score AS Score, uniform AS Uniform, CAST(norm_version AS BIGINT) AS Version FROM lvs_result WHERE provider = 'ROUTE8LVS'")];
    }

    private static void ShouldAllCarryTable(List<StoredRow> rows, int version)
    {
        rows.ShouldAllBe(r => r.Version == version);
        foreach (var r in rows)
        {
            var expected = UniformScale.FromScore(r.Score, SyntheticBoard.Cut(version, Domain.Vocabulary.Subjects.Parse(r.Subject), Domain.Vocabulary.TestMoment.Parse(r.Moment)));
            r.Uniform!.Value.ShouldBe(expected, 1e-9, $"{r.Subject} {r.Moment} score {r.Score}");
        }
    }

    [Fact]
    public async Task A_provider_registered_from_cut_scores_imports_normalises_forecasts_and_renormalises_only_when_asked()
    {
        var board = new SyntheticBoard(DateOnly.FromDateTime(DateTime.UtcNow));
        await using var stack = new InMemoryServices();
        using var ingest = stack.Ingest.Channel();
        using var normalise = stack.Normalise.Channel();
        using var predict = stack.Predict.Channel();
        var tables = new NormTables.NormTablesClient(normalise);
        (await ingest.ImportAsync("scholen.csv", SyntheticBoard.SchoolsCsv)).Report.Outcome.ShouldBe("committed");

        // Ingest lists the providers before the new one exists (and caches that list)…
        var before = await ingest.ImportAsync("lvs-before.csv", Files.Lvs($"E201;0;early;{board.Current.Plus(-1)};6;M6;;ROUTE8LVS;rekenen;150;;"));
        before.Rejected.ShouldHaveSingleItem().Reason.ShouldStartWith("unknown aanbieder 'ROUTE8LVS': expected one of CITO, DIA, IEP");

        // …then the board registers its provider's cut scores: 1F and target cut per subject × moment, nothing else.
        var registered = await tables.RegisterNormTableAsync(new RegisterNormTableRequest { Csv = SyntheticBoard.TableCsv(1), Origin = "route8lvs.csv" });
        registered.Table.Version.ShouldBe(1);
        registered.Table.HasNorms.ShouldBeFalse();
        registered.Table.Aliases.ShouldBe([SyntheticBoard.Alias]);

        // Its results import at once (an unknown provider makes Ingest ask Normalise again), under code and alias.
        var lvs = await ingest.ImportAsync("lvs.csv", board.LvsCsv);
        lvs.Rejected.Select(r => $"{r.Line}: {r.Reason}").ShouldBeEmpty();
        lvs.Report.Outcome.ShouldBe("committed");
        lvs.Report.RowsAccepted.ShouldBe(board.LvsRows);
        string.Join(" | ", lvs.Report.Warnings).ShouldBeEmpty();
        (await ingest.ImportAsync("doorstroomtoets.csv", board.OutflowCsv)).Report.Outcome.ShouldBe("committed");

        // Stored: the raw score, the uniform value the registered table gives for it, and the table version.
        var stored = await StoredAsync(stack);
        stored.Count.ShouldBe(board.LvsRows);
        ShouldAllCarryTable(stored, 1);

        // Forecast: a model trained on the board's finished cohorts (their values came through the new table).
        var model = (await new Models.ModelsClient(predict).TrainAsync(new TrainRequest { Bgnr = SyntheticBoard.Bgnr })).Model;
        model.Pupils.ShouldBe(board.Pupils.Count(p => p.Finished(board.Current)));
        var forecasts = new Forecasts.ForecastsClient(predict);
        var request = new ForecastPupilsRequest { Bgnr = SyntheticBoard.Bgnr, SchoolPupilIds = { board.Pupils.Select(p => p.Id) } };
        var first = await forecasts.ForecastPupilsAsync(request);
        first.ModelVersion.ShouldBe(model.Version);
        var current = board.CurrentPupils.ToDictionary(p => p.Id);
        first.Pupils.Select(p => p.SchoolPupilId).Distinct().Order().ShouldBe(current.Keys.Order());
        first.Pupils.Count.ShouldBe(3 * current.Count);
        // The forecast follows the pupils' known ability, which reached the model only through the registered table.
        var byAbility = first.Pupils.OrderBy(p => current[p.SchoolPupilId].Ability).ToList();
        var quarter = byAbility.Count / 4;
        var weakest = byAbility.Take(quarter).Average(p => p.P1F);
        var strongest = byAbility.TakeLast(quarter).Average(p => p.P1F);
        strongest.ShouldBeGreaterThan(weakest + 0.3, $"mean P(1F) weakest quarter {weakest:0.000}, strongest {strongest:0.000}");
        byAbility.TakeLast(quarter).Average(p => p.PStreef).ShouldBeGreaterThan(byAbility.Take(quarter).Average(p => p.PStreef) + 0.3);

        // A second version of the table (every cut 10 points higher) is registered: nothing stored changes.
        (await tables.RegisterNormTableAsync(new RegisterNormTableRequest { Csv = SyntheticBoard.TableCsv(2) })).Table.Version.ShouldBe(2);
        ShouldAllCarryTable(await StoredAsync(stack), 1);

        // Re-normalising when asked moves every stored value to version 2, and the board's data generation on.
        var generation = first.Generation;
        var renormalised = await new StoredNorms.StoredNormsClient(ingest).RenormaliseAsync(
            new RenormaliseRequest { Provider = SyntheticBoard.Alias, Bgnr = SyntheticBoard.Bgnr });
        renormalised.Provider.ShouldBe(SyntheticBoard.Provider);
        renormalised.TableVersion.ShouldBe(2);
        renormalised.Results.ShouldBe(board.LvsRows);
        renormalised.Changed.ShouldBe(board.LvsRows);
        renormalised.Boards.ShouldBe([SyntheticBoard.Bgnr]);
        ShouldAllCarryTable(await StoredAsync(stack), 2);

        // Higher cuts put the same scores lower on the uniform scale: the forecast (not a cached one) drops.
        var second = await forecasts.ForecastPupilsAsync(request);
        second.Generation.ShouldBeGreaterThan(generation);
        second.Pupils.Average(p => p.P1F).ShouldBeLessThan(first.Pupils.Average(p => p.P1F) - 0.01);

        // Asking again changes nothing: the values already carry the newest version.
        var again = await new StoredNorms.StoredNormsClient(ingest).RenormaliseAsync(new RenormaliseRequest { Provider = SyntheticBoard.Provider });
        (again.Results, again.Changed, again.Boards.Count).ShouldBe((board.LvsRows, 0L, 0));
    }

    [Fact]
    public async Task Renormalising_an_unknown_provider_or_board_is_refused_naming_it()
    {
        await using var stack = new InMemoryServices();
        using var ingest = stack.Ingest.Channel();
        var client = new StoredNorms.StoredNormsClient(ingest);

        var provider = await Should.ThrowAsync<RpcException>(() => client.RenormaliseAsync(new RenormaliseRequest { Provider = "ACME" }).ResponseAsync);
        provider.StatusCode.ShouldBe(StatusCode.InvalidArgument, provider.Status.Detail);
        provider.Status.Detail.ShouldBe("unknown provider 'ACME': expected one of CITO, DIA, IEP");

        var board = await Should.ThrowAsync<RpcException>(() => client.RenormaliseAsync(new RenormaliseRequest { Provider = "cito lovs", Bgnr = "99999" }).ResponseAsync);
        board.StatusCode.ShouldBe(StatusCode.NotFound);
        board.Status.Detail.ShouldBe("board 99999 is not in the registry");
    }

    [Fact]
    public async Task An_LVS_import_while_Normalise_is_unreachable_fails_as_Unavailable_and_stores_nothing()
    {
        using var store = new TempSqlite();
        await using var ingest = new InMemoryServices.IngestHost(store.ConnectionString, normalise: null);
        using var channel = ingest.Channel();
        (await channel.ImportAsync("scholen.csv", Files.Schools)).Report.Outcome.ShouldBe("committed");

        var e = await Should.ThrowAsync<RpcException>(() => channel.ImportAsync("lvs.csv", Files.Lvs(Files.ValidLvs)));

        e.StatusCode.ShouldBe(StatusCode.Unavailable);
        e.Status.Detail.ShouldContain("Normalise is unreachable");
        await using var connection = await Uitstroom.Ingest.Store.StoreConnectionFactory.Create(store.ConnectionString).OpenAsync(CancellationToken.None);
        (await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM lvs_result")).ShouldBe(0);
    }
}
