using Uitstroom.Contracts.Ingest.V1;
using Uitstroom.Domain.Inspectie;
using Uitstroom.Predict.Access;
using Uitstroom.Predict.Forecasting;
using Uitstroom.Predict.Lookback;
using Uitstroom.Predict.Snapshots;
using Uitstroom.ServiceDefaults;
using Uitstroom.ServiceDefaults.Auth;

namespace Uitstroom.Predict;

internal static class Extensions
{
    public static WebApplicationBuilder AddPredictServices(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(Signaleringswaarden.Judgement2025);
        builder.Services.AddServiceGrpcClient<Registry.RegistryClient>("ingest", TimeSpan.FromSeconds(10));
        builder.Services.AddServiceGrpcClient<PublicData.PublicDataClient>("ingest", TimeSpan.FromSeconds(30));
        builder.Services.AddSingleton<LookbackCalculator>();
        builder.Services.AddSingleton<IBoardSchools, RegistryBoardSchools>();
        builder.AddForecasting();
        builder.AddSnapshots();
        return builder;
    }
}
