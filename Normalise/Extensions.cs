using Grpc.AspNetCore.Server;
using Uitstroom.Normalise.Services;
using Uitstroom.Normalise.Tables;

namespace Uitstroom.Normalise;

// Public so the benchmark can host the same service on a real Kestrel port.
public static class Extensions
{
    // A batch of 100,000 results is about 2.5 MB; allow generous batches without unbounded memory.
    private const int MaxBatchMessageBytes = 64 * 1024 * 1024;

    public static WebApplicationBuilder AddNormaliseServices(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<NormaliseOptions>()
            .Bind(builder.Configuration.GetSection(NormaliseOptions.Section))
            .Validate(o => !string.IsNullOrWhiteSpace(o.TablesPath), "Normalise:TablesPath must name a folder")
            .ValidateOnStart();
        builder.Services.AddSingleton<NormTableFolder>();
        builder.Services.AddSingleton(sp => NormTableCatalog.LoadShipped(sp.GetRequiredService<NormTableFolder>()));
        builder.Services.AddHostedService<NormTableCatalogLoader>();
        builder.Services.AddSingleton<BatchNormaliser>();
        builder.Services.Configure<GrpcServiceOptions>(o =>
        {
            o.MaxReceiveMessageSize = MaxBatchMessageBytes;
            o.MaxSendMessageSize = MaxBatchMessageBytes;
        });
        return builder;
    }
}
