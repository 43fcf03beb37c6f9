using Uitstroom.Contracts.Predict.V1;

namespace Uitstroom.Predict.Tests.Caching;

/// <summary>Training and the model list over gRPC, on the simulated demo board in place of Ingest.</summary>
public sealed class ModelsServiceTests(DemoBoardFixture demo) : IClassFixture<DemoBoardFixture>
{
    [Fact]
    public async Task A_trained_version_is_listed_as_current_and_serves_the_next_forecast()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"uitstroom-models-{Guid.NewGuid():N}");
        try
        {
            await using var host = new PredictHost(new InMemoryHistorySource(demo.Board), folder, redis: null);
            var models = new Contracts.Predict.V1.Models.ModelsClient(host.Channel());

            var trained = await models.TrainAsync(new TrainRequest { Learner = "logistic" });
            var list = await models.ListModelsAsync(new ListModelsRequest());
            var forecast = await new Forecasts.ForecastsClient(host.Channel()).ForecastSchoolsAsync(new ForecastSchoolsRequest { Bgnr = demo.Bgnr, Peildatum = demo.Peildatum });

            trained.Model.Learner.ShouldBe("logistic");
            trained.Model.Scope.ShouldBe("platform");
            trained.Model.TrainedOutflowYears.Count.ShouldBeGreaterThan(1);
            list.Models.Single().Version.ShouldBe(trained.Model.Version);
            list.Models.Single().Current.ShouldBeTrue();
            forecast.ModelVersion.ShouldBe(trained.Model.Version);
            forecast.Schools.ShouldAllBe(s => s.Status == "groen" || s.Status == "oranje" || s.Status == "rood");
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    [Fact]
    public async Task The_backtest_answers_each_test_year_beside_the_pooled_figures_and_is_kept_with_the_version_trained_with_it()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"uitstroom-models-{Guid.NewGuid():N}");
        try
        {
            await using var host = new PredictHost(new InMemoryHistorySource(demo.Board), folder, redis: null);
            var models = new Contracts.Predict.V1.Models.ModelsClient(host.Channel());

            var backtest = (await models.BacktestAsync(new BacktestRequest { Learner = "logistic", TestYears = 2 })).Backtest;
            var trained = await models.TrainAsync(new TrainRequest { Learner = "logistic", WithBacktest = true });
            var listed = (await models.ListModelsAsync(new ListModelsRequest())).Models.Single();

            backtest.TestOutflowYears.Count.ShouldBe(2);
            backtest.Years.Select(y => y.OutflowYear).ShouldBe(backtest.TestOutflowYears);
            foreach (var year in backtest.Years)
            {
                year.LevelError.ShouldBe(backtest.LevelErrorByYear[year.OutflowYear]);
                year.Rows.Count.ShouldBe(backtest.Rows.Count);
            }

            backtest.Rows.ShouldAllBe(r => r.Model.N == backtest.Years.Sum(y => y.Rows.Single(s => s.Subject == r.Subject && s.Target == r.Target && s.Moment == r.Moment).Model.N));
            listed.Version.ShouldBe(trained.Model.Version);
            listed.Backtest.ShouldNotBeNull().Years.Count.ShouldBe(listed.Backtest.TestOutflowYears.Count);
            listed.Backtest.Years.Count.ShouldBeGreaterThan(0);
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    [Fact]
    public async Task Forecasting_before_any_model_is_trained_is_a_failed_precondition()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"uitstroom-models-{Guid.NewGuid():N}");
        await using var host = new PredictHost(new InMemoryHistorySource(demo.Board), folder, redis: null);

        var e = await Should.ThrowAsync<Grpc.Core.RpcException>(() => new Forecasts.ForecastsClient(host.Channel())
            .ForecastSchoolsAsync(new ForecastSchoolsRequest { Bgnr = demo.Bgnr }).ResponseAsync);

        e.StatusCode.ShouldBe(Grpc.Core.StatusCode.FailedPrecondition);
        e.Status.Detail.ShouldContain("uitstroom train");
    }
}
