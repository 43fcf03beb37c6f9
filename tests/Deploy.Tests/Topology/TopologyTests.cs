using Grpc.Health.V1;
using Uitstroom.Simulation;
using Uitstroom.Tests.Stack;
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
            var (channel, invoker) = TopologyFixture.Channel(process);
            using var _ = channel;
            var health = await new Health.HealthClient(invoker).CheckAsync(new HealthCheckRequest(), deadline: Deadline);
            health.Status.ShouldBe(HealthCheckResponse.Types.ServingStatus.Serving, $"{process.Service} replica {process.Replica}");
        }
    }

    [Fact]
    public async Task Every_process_answers_health_and_liveness_on_its_HTTP1_port_as_the_probes_ask()
    {
        
        foreach (var process in topology.Processes)
        {
            using var http = StackClients.Http(process.Http, TimeSpan.FromSeconds(10));
            (await http.GetStringAsync(new Uri(process.Http, "/health"))).ShouldBe("Healthy", process.Service);
            (await http.GetStringAsync(new Uri(process.Http, "/alive"))).ShouldBe("Healthy", process.Service);
        }
    }

    [Fact]
    public async Task Ingest_serves_registry_queries_from_its_PostgreSQL_store()
    {
        var (channel, invoker) = TopologyFixture.Channel(topology.One("ingest"));
        using var _ = channel;

        var boards = await new IngestV1.Registry.RegistryClient(invoker).ListBoardsAsync(new IngestV1.ListBoardsRequest(), deadline: Deadline);

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
        var (channel, invoker) = TopologyFixture.Channel(topology.One("normalise"));
        using var _ = channel;

        var tables = await new NormaliseV1.NormTables.NormTablesClient(invoker).ListNormTablesAsync(new NormaliseV1.ListNormTablesRequest(), deadline: Deadline);

        tables.Tables.ShouldNotBeEmpty();
        tables.Tables.ShouldContain(t => t.Provider == "IEP");
    }

    [Fact]
    public async Task Both_Predict_replicas_answer_and_agree()
    {
        var answers = new List<PredictV1.GetSignaleringswaardenResponse>();
        foreach (var replica in topology.Processes.Where(p => p.Service == "predict"))
        {
            var (channel, invoker) = TopologyFixture.Channel(replica);
            using var _ = channel;
            answers.Add(await new PredictV1.Indicators.IndicatorsClient(invoker)
                .GetSignaleringswaardenAsync(new PredictV1.GetSignaleringswaardenRequest(), deadline: Deadline));
        }

        answers.Count.ShouldBe(2);
        answers[0].FundamentalPercent.ShouldBeGreaterThan(0);
        answers[1].ShouldBe(answers[0]);
    }

    [Fact]
    public async Task Reporting_reaches_Ingest_through_the_discovery_env_the_manifests_declare()
    {
        var (channel, invoker) = TopologyFixture.Channel(topology.One("reporting"));
        using var _ = channel;

        var reply = await new ReportingV1.BoardReports.BoardReportsClient(invoker).ListBoardsAsync(new ReportingV1.ListBoardsRequest(), deadline: Deadline);

        reply.ShouldNotBeNull();
    }

    /// <summary>
    /// The demo board end to end through the topology: simulated (31 schools; six school years instead of eight to
    /// keep CI time down), imported through Ingest into PostgreSQL, trained once through replica 0, then both replicas
    /// serve that version (one shared models folder) with the same numbers, and Reporting's HTML page shows what its
    /// gRPC API returns.
    /// </summary>
    [Fact]
    public async Task Both_Predict_replicas_serve_one_model_version_and_the_demo_board_report_is_served()
    {
        const string board = "90001";
        var deadline = DateTime.UtcNow.AddMinutes(5);
        using (var world = SimulatedWorld.Write(SimulationOptions.Demo(1) with { Years = 6 }))
        {
            var (ingestChannel, ingest) = TopologyFixture.Channel(topology.One("ingest"));
            using var _ = ingestChannel;
            foreach (var file in world.ImportOrder)
            {
                var report = await ImportUpload.ImportAsync(ingest, file);
                report.Outcome.ShouldBeOneOf(["committed", "unchanged"], $"{file}: {report.Error}");
            }
        }

        var replicas = topology.Processes.Where(p => p.Service == "predict").OrderBy(p => p.Replica).ToList();
        var channels = replicas.Select(TopologyFixture.Channel).ToList();
        try
        {
            var trained = await new PredictV1.Models.ModelsClient(channels[0].Invoker).TrainAsync(new PredictV1.TrainRequest(), deadline: deadline);

            var forecasts = new List<PredictV1.ForecastSchoolsResponse>();
            foreach (var (_, invoker) in channels)
            {
                var models = await new PredictV1.Models.ModelsClient(invoker).ListModelsAsync(new PredictV1.ListModelsRequest(), deadline: deadline);
                models.Models.Single(m => m.Current).Version.ShouldBe(trained.Model.Version);
                forecasts.Add(await new PredictV1.Forecasts.ForecastsClient(invoker)
                    .ForecastSchoolsAsync(new PredictV1.ForecastSchoolsRequest { Bgnr = board }, deadline: deadline));
            }

            forecasts[0].Schools.Count.ShouldBe(31);
            forecasts.ShouldAllBe(f => f.ModelVersion == trained.Model.Version);
            // The same numbers from both replicas (whether computed or read from the shared Redis).
            forecasts[1].Schools.ShouldBe(forecasts[0].Schools);
            forecasts[1].Peildatum.ShouldBe(forecasts[0].Peildatum);
        }
        finally
        {
            channels.ForEach(c => c.Channel.Dispose());
        }

        var reporting = topology.One("reporting");
        var (reportingChannel, reportingInvoker) = TopologyFixture.Channel(reporting);
        using var __ = reportingChannel;
        var overview = await new ReportingV1.BoardReports.BoardReportsClient(reportingInvoker)
            .GetBoardOverviewAsync(new ReportingV1.GetBoardOverviewRequest { Bgnr = board }, deadline: deadline);
        using var http = StackClients.Http(reporting.Http, TimeSpan.FromMinutes(2));
        var page = await http.GetStringAsync(new Uri($"/besturen/{board}", UriKind.Relative));

        overview.Forecast.Freshness.ShouldBe(ReportingV1.Freshness.Current);
        overview.Schools.Count.ShouldBe(31);
        var shown = ReportPage.Schools(page);
        shown.Select(s => s.Name).ShouldBe(overview.Schools.Select(s => s.Name), ignoreOrder: true);
        foreach (var school in overview.Schools)
        {
            // Every forecast cell of the page (1F then 1S/2F, year by year) is the API's expected percentage.
            var expected = new[] { school.Fundamental, school.Target }
                .SelectMany(row => overview.ForecastYears.Select(year => row.Forecast.FirstOrDefault(f => f.SchoolYear == year)))
                .Select(f => f is null ? "–" : ReportPage.Estimate(f.Percent.Expected))
                .ToList();
            shown.Single(s => s.Name == school.Name).Forecasts.ShouldBe(expected, school.Name);
        }
    }
}
