using Microsoft.Extensions.Configuration;

namespace Uitstroom.AppHost;

/// <summary>The two ports of one service: HTTP/1 (health, pages, JSON) and gRPC (HTTP/2 without TLS).</summary>
public sealed record ServicePorts(int? Http, int? Grpc);

/// <summary>
/// Fixed local ports for what people and the CLI address, documented in the README. Tests start the AppHost with
/// <c>Uitstroom:FixedPorts=false</c> so they never collide with a running stack.
/// </summary>
public sealed record LocalPorts(ServicePorts Ingest, ServicePorts Normalise, ServicePorts Predict, ServicePorts Reporting)
{
    public static LocalPorts From(IConfiguration configuration)
    {
        if (!configuration.GetValue("Uitstroom:FixedPorts", true))
        {
            var any = new ServicePorts(null, null);
            return new LocalPorts(any, any, any, any);
        }

        return new LocalPorts(new(5110, 5111), new(5120, 5121), new(5130, 5131), new(5140, 5141));
    }
}
