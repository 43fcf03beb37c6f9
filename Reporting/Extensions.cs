using Uitstroom.Contracts.Ingest.V1;
using Uitstroom.ServiceDefaults;

namespace Uitstroom.Reporting;

internal static class Extensions
{
    public static WebApplicationBuilder AddReportingServices(this WebApplicationBuilder builder)
    {
        builder.Services.AddServiceGrpcClient<Registry.RegistryClient>("ingest", TimeSpan.FromSeconds(10));
        return builder;
    }
}
