using Grpc.Core;
using Uitstroom.Contracts.Predict.V1;
using Uitstroom.Predict.Forecasting;
using Uitstroom.ServiceDefaults.Auth;

namespace Uitstroom.Predict.Services;

/// <summary>
/// gRPC edge of the pupil and school forecasts. The caller's board is checked before the engine reads anything,
/// the Redis cache included: a cache entry is keyed by board and school, and only a key for that board gets here.
/// </summary>
public sealed class ForecastService(ForecastEngine engine, SchoolAccess access) : Forecasts.ForecastsBase
{
    public override async Task<ForecastPupilsResponse> ForecastPupils(ForecastPupilsRequest request, ServerCallContext context)
    {
        await RequireAsync(context, request.Bgnr, request.Brin, request.Vestiging);
        return await engine.PupilsAsync(request, context.CancellationToken);
    }

    public override async Task<ForecastSchoolsResponse> ForecastSchools(ForecastSchoolsRequest request, ServerCallContext context)
    {
        await RequireAsync(context, request.Bgnr, request.Brin, request.Vestiging);
        return await engine.SchoolsAsync(request, context.CancellationToken);
    }

    private async Task RequireAsync(ServerCallContext context, string bgnr, string brin, int vestiging)
    {
        context.RequireBoard(bgnr);
        if (!string.IsNullOrWhiteSpace(brin))
        {
            await access.RequireSchoolAsync(context, brin, vestiging);
        }
    }
}
