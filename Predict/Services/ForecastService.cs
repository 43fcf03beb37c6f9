using Grpc.Core;
using Uitstroom.Contracts.Predict.V1;
using Uitstroom.Predict.Forecasting;

namespace Uitstroom.Predict.Services;

/// <summary>gRPC edge of the pupil and school forecasts.</summary>
public sealed class ForecastService(ForecastEngine engine) : Forecasts.ForecastsBase
{
    public override Task<ForecastPupilsResponse> ForecastPupils(ForecastPupilsRequest request, ServerCallContext context) =>
        engine.PupilsAsync(request, context.CancellationToken);

    public override Task<ForecastSchoolsResponse> ForecastSchools(ForecastSchoolsRequest request, ServerCallContext context) =>
        engine.SchoolsAsync(request, context.CancellationToken);
}
