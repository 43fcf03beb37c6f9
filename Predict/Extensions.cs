using Uitstroom.Contracts.Ingest.V1;
using Uitstroom.Domain.Inspectie;
using Uitstroom.Predict.Forecasting;
using Uitstroom.ServiceDefaults;

namespace Uitstroom.Predict;

internal static class Extensions
{
    public static WebApplicationBuilder AddPredictServices(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(Signaleringswaarden.Judgement2025);
        builder.Services.AddServiceGrpcClient<Registry.RegistryClient>("ingest", TimeSpan.FromSeconds(10));
        builder.AddForecasting();
        return builder;
    }
}
