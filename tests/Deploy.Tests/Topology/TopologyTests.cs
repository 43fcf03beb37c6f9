using Grpc.Health.V1;
using Npgsql;
using IngestV1 = Uitstroom.Contracts.Ingest.V1;
using NormaliseV1 = Uitstroom.Contracts.Normalise.V1;
using PredictV1 = Uitstroom.Contracts.Predict.V1;
using ReportingV1 = Uitstroom.Contracts.Reporting.V1;

namespace Uitstroom.Deploy.Tests.Topology;

/// <summary>
/// Acceptance 2 of the deployment issue: the topology the manifests describe, without Kubernetes. Every call here
/// crosses a process boundary over h2c, as between pods.
/// </summary>
public class TopologyTests(TopologyFixture topology) : IClassFixture<TopologyFixture>
{
    private static DateTime Deadline => DateTime.UtcNow.AddSeconds(15);

    [Fact]
    public void Four_services_run_as_separate_processes_with_two_Predict_replicas()
    {
        topology.Processes.Select(p => p.Service).Distinct().Order().ToArray()
            .ShouldBe(new[] { "ingest", "normalise", "predict", "reporting" }, customMessage: topology.Log);
        topology.Processes.Count(p => p.Service == "predict").ShouldBe(2);
        topology.Processes.Select(p => p.Grpc.Port).Distinct().Count().ShouldBe(5);
    }

    [Fact]
    public async Task Every_process_reports_serving_over_grpc_health()
    {
        foreach (var process in topology.Processes)
        {
            using var channel = TopologyFixture.Channel(process);
            var health = await new Health.HealthClient(channel).CheckAsync(new HealthCheckRequest(), deadline: Deadline);
            health.Status.ShouldBe(HealthCheckResponse.Types.ServingStatus.Serving, $"{process.Service} replica {process.Replica}");
        }
    }

    [Fact]
    public async Task Every_process_answers_health_and_liveness_on_its_HTTP1_port_as_the_probes_ask()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        foreach (var process in topology.Processes)
        {
            (await http.GetStringAsync(new Uri(process.Http, "/health"))).ShouldBe("Healthy", process.Service);
            (await http.GetStringAsync(new Uri(process.Http, "/alive"))).ShouldBe("Healthy", process.Service);
        }
    }

    [Fact]
    public async Task Ingest_serves_registry_queries_from_its_PostgreSQL_store()
    {
        using var channel = TopologyFixture.Channel(topology.One("ingest"));

        var boards = await new IngestV1.Registry.RegistryClient(channel).ListBoardsAsync(new IngestV1.ListBoardsRequest(), deadline: Deadline);

        boards.ShouldNotBeNull();
        // The store Ingest answered from is the PostgreSQL database: Ingest migrated it at start-up.
        await using var store = new NpgsqlConnection(topology.Store);
        await store.OpenAsync();
        await using var query = new NpgsqlCommand("SELECT MAX(version) FROM schema_version", store);
        ((int)(await query.ExecuteScalarAsync())!).ShouldBeGreaterThanOrEqualTo(1);
    }

    [Fact]
    public async Task Normalise_serves_its_shipped_norm_tables()
    {
        using var channel = TopologyFixture.Channel(topology.One("normalise"));

        var tables = await new NormaliseV1.NormTables.NormTablesClient(channel).ListNormTablesAsync(new NormaliseV1.ListNormTablesRequest(), deadline: Deadline);

        tables.Tables.ShouldNotBeEmpty();
        tables.Tables.ShouldContain(t => t.Provider == "IEP");
    }

    [Fact]
    public async Task Both_Predict_replicas_answer_and_agree()
    {
        var answers = new List<PredictV1.GetSignaleringswaardenResponse>();
        foreach (var replica in topology.Processes.Where(p => p.Service == "predict"))
        {
            using var channel = TopologyFixture.Channel(replica);
            answers.Add(await new PredictV1.Indicators.IndicatorsClient(channel)
                .GetSignaleringswaardenAsync(new PredictV1.GetSignaleringswaardenRequest(), deadline: Deadline));
        }

        answers.Count.ShouldBe(2);
        answers[0].FundamentalPercent.ShouldBeGreaterThan(0);
        answers[1].ShouldBe(answers[0]);
    }

    [Fact]
    public async Task Reporting_reaches_Ingest_through_the_discovery_env_the_manifests_declare()
    {
        using var channel = TopologyFixture.Channel(topology.One("reporting"));

        var reply = await new ReportingV1.BoardReports.BoardReportsClient(channel).ListBoardsAsync(new ReportingV1.ListBoardsRequest(), deadline: Deadline);

        reply.ShouldNotBeNull();
    }

    // PENDING (depends on issues 5–8): simulate the demo board (uitstroom simulate --demo), import it through Ingest,
    // train once through one Predict replica, ask both replicas for the model version (models.proto, Predict:ModelsPath
    // is the one shared folder each replica is given here), then fetch the demo board's report from Reporting's HTTP
    // port and compare its numbers with the gRPC API. None of those endpoints exist on this branch yet.
    [Fact(Skip = "pending: needs the models API (issue 7) and the demo data, import and report (issues 5, 6, 8)")]
    public void Both_Predict_replicas_serve_one_model_version_and_the_demo_board_report_is_served()
    {
    }
}
