using Grpc.Core;
using Uitstroom.Contracts.Normalise.V1;

namespace Uitstroom.Service.Tests.Normalise;

/// <summary>
/// Issue 4, acceptance 2 (the Normalise part) and 3: a provider the product has never seen, registered from cut
/// scores alone, normalises like any other and survives a restart; bad input is refused naming it, storing nothing.
/// </summary>
public sealed class CustomProviderTests : IDisposable
{
    private const string BoomCuts = """
        # provider: BOOM
        # source: Boom LVS cut scores as given by the board (test)
        # illustrative: false
        # score_min: 0
        # score_max: 200
        vak;toetsmoment;cut_1f;cut_streef
        rekenen;M7;80;120
        rekenen;E7;90;130
        lezen;M7;70;100
        """;

    private readonly TempFolder _tables = new();

    private ServiceHost<NormaliseProgram> Host() => new(new Dictionary<string, string?> { ["Normalise:TablesPath"] = _tables.Path });

    public void Dispose() => _tables.Dispose();

    private static NormaliseBatchRequest Batch(string provider, Subject subject, TestMoment moment, double score) => new()
    {
        Providers = { provider },
        ProviderIndex = { 0 },
        Subject = { subject },
        Moment = { moment },
        Score = { score },
    };

    [Fact]
    public async Task A_provider_registered_from_cut_scores_only_normalises_and_is_still_there_after_a_restart()
    {
        await using (var host = Host())
        {
            using var channel = host.Channel();
            var client = new NormTables.NormTablesClient(channel);
            var registered = await client.RegisterNormTableAsync(new RegisterNormTableRequest { Csv = BoomCuts, Origin = "boom.csv" });
            registered.Table.Provider.ShouldBe("BOOM");
            registered.Table.Version.ShouldBe(1);
            registered.Table.HasNorms.ShouldBeFalse();

            var reply = await client.NormaliseBatchAsync(Batch("boom", Subject.Rekenen, TestMoment.M7, 100));
            reply.Uniform.ShouldHaveSingleItem().ShouldBe(150, 1e-9);
            reply.Route.ShouldBe([Route.ScoreTable]);
            reply.TableVersions.ShouldBe([1]);
            reply.Illustrative.ShouldBe([false]);
            double.IsNaN(reply.Percentile[0]).ShouldBeTrue();
        }

        await using (var restarted = Host())
        {
            using var channel = restarted.Channel();
            var client = new NormTables.NormTablesClient(channel);
            var reply = await client.NormaliseBatchAsync(Batch("BOOM", Subject.Lezen, TestMoment.M7, 100));
            reply.Uniform.ShouldHaveSingleItem().ShouldBe(200, 1e-9);
            (await client.ListNormTablesAsync(new ListNormTablesRequest { Provider = "BOOM" })).Tables.ShouldHaveSingleItem();
        }
    }

    [Fact]
    public async Task A_replica_sharing_the_tables_folder_sees_a_table_another_replica_registered()
    {
        await using var first = Host();
        await using var second = Host();
        using var firstChannel = first.Channel();
        using var secondChannel = second.Channel();
        var secondClient = new NormTables.NormTablesClient(secondChannel);
        (await secondClient.ListNormTablesAsync(new ListNormTablesRequest())).Tables.Count.ShouldBe(3);

        await new NormTables.NormTablesClient(firstChannel).RegisterNormTableAsync(new RegisterNormTableRequest { Csv = BoomCuts });

        var reply = await secondClient.NormaliseBatchAsync(Batch("BOOM", Subject.Rekenen, TestMoment.E7, 110));
        reply.Uniform.ShouldHaveSingleItem().ShouldBe(150, 1e-9);
    }

    [Fact]
    public async Task A_new_version_is_used_only_when_asked_and_the_old_version_reproduces_the_old_value()
    {
        await using var host = Host();
        using var channel = host.Channel();
        var client = new NormTables.NormTablesClient(channel);
        await client.RegisterNormTableAsync(new RegisterNormTableRequest { Csv = BoomCuts });
        await client.RegisterNormTableAsync(new RegisterNormTableRequest { Csv = BoomCuts.Replace("rekenen;M7;80;120", "rekenen;M7;90;130", StringComparison.Ordinal) });

        var pinned = Batch("BOOM", Subject.Rekenen, TestMoment.M7, 100);
        pinned.TableVersions.Add(1);
        (await client.NormaliseBatchAsync(pinned)).Uniform.ShouldHaveSingleItem().ShouldBe(150, 1e-9);

        var newest = await client.NormaliseBatchAsync(Batch("BOOM", Subject.Rekenen, TestMoment.M7, 100));
        newest.Uniform.ShouldHaveSingleItem().ShouldBe(125, 1e-9);
        newest.TableVersions.ShouldBe([2]);
    }

    [Fact]
    public async Task A_stated_version_that_is_not_above_the_newest_is_refused_and_nothing_is_stored()
    {
        await using var host = Host();
        using var channel = host.Channel();
        var client = new NormTables.NormTablesClient(channel);

        var exists = await Should.ThrowAsync<RpcException>(() =>
            client.RegisterNormTableAsync(new RegisterNormTableRequest { Csv = "# version: 1\n" + BoomCuts.Replace("BOOM", "IEP", StringComparison.Ordinal) }).ResponseAsync);
        exists.StatusCode.ShouldBe(StatusCode.AlreadyExists);
        exists.Status.Detail.ShouldContain("IEP version 1 is not above the newest version 1");
        Directory.Exists(_tables.Path).ShouldBeFalse();
    }

    [Fact]
    public async Task A_bad_table_file_is_InvalidArgument_naming_line_and_reason_and_nothing_is_stored()
    {
        await using var host = Host();
        using var channel = host.Channel();
        var client = new NormTables.NormTablesClient(channel);

        var e = await Should.ThrowAsync<RpcException>(() => client.RegisterNormTableAsync(new RegisterNormTableRequest
        {
            Csv = BoomCuts.Replace("lezen;M7;70;100", "lezen;M7;100;70", StringComparison.Ordinal),
            Origin = "boom.csv",
        }).ResponseAsync);
        e.StatusCode.ShouldBe(StatusCode.InvalidArgument);
        e.Status.Detail.ShouldBe("boom.csv line 9: cut_streef 70 must be above cut_1f 100");

        (await client.ListNormTablesAsync(new ListNormTablesRequest { Provider = "BOOM" })).Tables.ShouldBeEmpty();
        Directory.Exists(_tables.Path).ShouldBeFalse();
    }

    [Theory]
    [InlineData("ROUTE_8", Subject.Rekenen, TestMoment.M7, 100, "unknown provider 'ROUTE_8': no norm table is registered for it (known: CITO, DIA, IEP)")]
    [InlineData("CITO", Subject.Unspecified, TestMoment.M7, 100, "result 0: unknown subject Unspecified")]
    [InlineData("CITO", Subject.Rekenen, TestMoment.Unspecified, 100, "result 0: unknown test moment Unspecified")]
    [InlineData("IEP", Subject.Rekenen, TestMoment.B8, 60, "result 0: provider IEP (table version 1) has no norm row for rekenen B8")]
    [InlineData("IEP", Subject.Rekenen, TestMoment.M8, 151, "result 0: score 151 is outside the valid IEP range 0–150")]
    [InlineData("DIA", Subject.Lezen, TestMoment.E5, double.NaN, "result 0: DIA lezen E5: no score, percentile, band or reported level to normalise")]
    public async Task An_unknown_provider_subject_or_moment_is_InvalidArgument_naming_it(string provider, Subject subject, TestMoment moment, double score, string message)
    {
        await using var host = Host();
        using var channel = host.Channel();
        var client = new NormTables.NormTablesClient(channel);

        var e = await Should.ThrowAsync<RpcException>(() => client.NormaliseBatchAsync(Batch(provider, subject, moment, score)).ResponseAsync);
        e.StatusCode.ShouldBe(StatusCode.InvalidArgument);
        e.Status.Detail.ShouldBe(message);
    }

    [Fact]
    public async Task Columns_of_unequal_length_are_refused_before_anything_is_normalised()
    {
        await using var host = Host();
        using var channel = host.Channel();
        var client = new NormTables.NormTablesClient(channel);
        var batch = Batch("CITO", Subject.Rekenen, TestMoment.M7, 240);
        batch.Percentile.Add([50, 60]);

        var e = await Should.ThrowAsync<RpcException>(() => client.NormaliseBatchAsync(batch).ResponseAsync);
        e.StatusCode.ShouldBe(StatusCode.InvalidArgument);
        e.Status.Detail.ShouldBe("percentile has 2 values for 1 results: give none or one per result");
    }

    [Fact]
    public async Task A_mixed_batch_takes_every_route_and_puts_each_provider_on_the_same_scale()
    {
        await using var host = Host();
        using var channel = host.Channel();
        var client = new NormTables.NormTablesClient(channel);

        // The same pupil at the national median, seen through three providers and four routes.
        var cito = await client.GetNormTableAsync(new GetNormTableRequest { Provider = "CITO" });
        var iep = await client.GetNormTableAsync(new GetNormTableRequest { Provider = "IEP" });
        var citoMean = cito.Rows.Single(r => r.Subject == Subject.Rekenen && r.Moment == TestMoment.E6).NormMean;
        var iepMean = iep.Rows.Single(r => r.Subject == Subject.Rekenen && r.Moment == TestMoment.E6).NormMean;
        var request = new NormaliseBatchRequest
        {
            Providers = { "CITO", "IEP", "DIA" },
            ProviderIndex = { 0, 1, 2, 2, 2 },
            Subject = { Subject.Rekenen, Subject.Rekenen, Subject.Rekenen, Subject.Rekenen, Subject.Rekenen },
            Moment = { TestMoment.E6, TestMoment.E6, TestMoment.E6, TestMoment.E6, TestMoment.E6 },
            Score = { citoMean, iepMean, double.NaN, double.NaN, double.NaN },
            Percentile = { double.NaN, double.NaN, 50, double.NaN, double.NaN },
            Band = { NormBand.Unspecified, NormBand.Unspecified, NormBand.Unspecified, NormBand.Iii, NormBand.Unspecified },
            ReportedLevel = { OnTrackLevel.Unspecified, OnTrackLevel.Unspecified, OnTrackLevel.Unspecified, OnTrackLevel.Unspecified, OnTrackLevel._1F },
        };

        var reply = await client.NormaliseBatchAsync(request);

        reply.Route.ShouldBe([Route.ScoreTable, Route.ScoreTable, Route.Percentile, Route.Band, Route.ReportedLevel]);
        reply.Uniform[1].ShouldBe(reply.Uniform[0], 0.5);
        reply.Uniform[2].ShouldBe(reply.Uniform[0], 0.5);
        reply.Uniform[3].ShouldBe(reply.Uniform[0], 0.5);
        reply.Percentile[0].ShouldBe(50, 0.1);
        reply.PercentileSource.ShouldBe([PercentileSource.NormTable, PercentileSource.NormTable, PercentileSource.Reported, PercentileSource.Unspecified, PercentileSource.Unspecified]);
        reply.Illustrative.ShouldBe([true, true, true]);
    }
}
