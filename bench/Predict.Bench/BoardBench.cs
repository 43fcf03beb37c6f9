using System.Diagnostics;
using Google.Protobuf;
using Microsoft.Extensions.Logging.Abstractions;
using StackExchange.Redis;
using Uitstroom.Contracts.Predict.V1;
using Uitstroom.Domain.Inspectie;
using Uitstroom.Predict.Caching;
using Uitstroom.Predict.Forecasting;
using Uitstroom.Predict.Services;
using Uitstroom.Predict.Tests.Caching;
using Uitstroom.Predict.Tests.Simulated;
using Uitstroom.Predict.Training;
using Uitstroom.Simulation;

namespace Uitstroom.Predict.Bench;

/// <summary>
/// The 31-school demo board: a cold forecast (every pupil through the model, every school's outlook, the response
/// built and serialised) and a cached one (a Redis GET and the parse), per request, with a private redis-server.
/// </summary>
internal static class BoardBench
{
    public static async Task RunAsync()
    {
        var data = SimulatedHistories.Generate(SimulationOptions.Demo(3));
        var model = ModelTrainer.Train(data.Histories, new TrainingOptions { MaxRowsPerTarget = 100_000 }, "bench");
        var board = new BoardData("demo", 1, [.. data.Schools.Values], data.Histories);
        Console.WriteLine($"demo board: {data.Schools.Count} schools, {data.Histories.Count} histories");

        byte[] Cold()
        {
            var forecast = BoardForecaster.Forecast(model, board, data.AsOf, Signaleringswaarden.Judgement2025);
            var response = new ForecastSchoolsResponse();
            response.Schools.AddRange(forecast.Schools.Select(ForecastMapping.ToMessage));
            return response.ToByteArray();
        }

        var bytes = Cold();
        var watch = Stopwatch.StartNew();
        const int coldRuns = 10;
        for (var i = 0; i < coldRuns; i++)
        {
            bytes = Cold();
        }

        Console.WriteLine($"cold forecast: {watch.Elapsed.TotalMilliseconds / coldRuns:0} ms per request ({bytes.Length} bytes)");
        watch.Restart();
        for (var i = 0; i < coldRuns; i++)
        {
            _ = model.Predict(data.Histories, data.AsOf);
        }

        Console.WriteLine($"  of which the pupils through the model: {watch.Elapsed.TotalMilliseconds / coldRuns:0} ms");

        using var redis = new RedisServer();
        using var connection = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString);
        using var metrics = new CacheMetrics();
        var cache = new ForecastCache(connection, metrics, NullLogger<ForecastCache>.Instance);
        await cache.SetAsync("bench", bytes, CancellationToken.None);
        const int cachedRuns = 1000;
        watch.Restart();
        for (var i = 0; i < cachedRuns; i++)
        {
            var hit = await cache.GetAsync("bench", "schools", CancellationToken.None);
            _ = ForecastSchoolsResponse.Parser.ParseFrom(hit);
        }

        Console.WriteLine($"cached forecast: {watch.Elapsed.TotalMilliseconds / cachedRuns:0.00} ms per request ({metrics.Hits} hits)");
    }
}
