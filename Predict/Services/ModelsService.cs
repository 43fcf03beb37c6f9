using Grpc.Core;
using Uitstroom.Contracts.Predict.V1;
using Uitstroom.Predict.Models;
using Uitstroom.Predict.Training;
using Uitstroom.ServiceDefaults.Auth;

namespace Uitstroom.Predict.Services;

/// <summary>gRPC edge of training, the backtest and the stored model versions.</summary>
public sealed class ModelsService(ModelTraining training, ModelStore store) : Contracts.Predict.V1.Models.ModelsBase
{
    public override async Task<TrainResponse> Train(TrainRequest request, ServerCallContext context)
    {
        context.RequireAdmin("training");
        var model = await Guard(() => training.TrainAsync(Learner(request.Learner), Board(request.Bgnr), request.WithBacktest, context.CancellationToken)).ConfigureAwait(false);
        return new TrainResponse { Model = ForecastMapping.ToMessage(model.Info, current: true) };
    }

    public override async Task<BacktestResponse> Backtest(BacktestRequest request, ServerCallContext context)
    {
        context.RequireAdmin("the backtest");
        var years = request.TestYears > 0 ? request.TestYears : ModelTraining.DefaultTestYears;
        var summary = await Guard(() => training.BacktestAsync(Learner(request.Learner), Board(request.Bgnr), years, context.CancellationToken)).ConfigureAwait(false);
        return new BacktestResponse { Backtest = ForecastMapping.ToMessage(summary) };
    }

    public override Task<ListModelsResponse> ListModels(ListModelsRequest request, ServerCallContext context)
    {
        // Model versions name the boards they were trained on: platform business, not a board's.
        context.RequireAdmin("listing the model versions");
        var all = store.List();
        var response = new ListModelsResponse();
        response.Models.AddRange(all.Select((m, i) => ForecastMapping.ToMessage(m, current: i == 0)));
        return Task.FromResult(response);
    }

    private static Learner? Learner(string text) => string.IsNullOrWhiteSpace(text) ? null : Learners.Parse(text);

    private static string? Board(string text) => string.IsNullOrWhiteSpace(text) ? null : text;

    /// <summary>Too little data to train or test is the caller's precondition, not our failure.</summary>
    private static async Task<T> Guard<T>(Func<Task<T>> work)
    {
        try
        {
            return await work().ConfigureAwait(false);
        }
        catch (InvalidOperationException e)
        {
            throw new RpcException(new Status(StatusCode.FailedPrecondition, e.Message));
        }
    }
}
