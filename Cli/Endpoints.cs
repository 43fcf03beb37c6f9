using System.CommandLine;
using Grpc.Net.Client;

namespace Uitstroom.Cli;

/// <summary>
/// Where the running stack answers: the fixed local gRPC ports of the AppHost (README), overridable per service
/// by an option or an environment variable (UITSTROOM_INGEST, …) for a deployed stack.
/// </summary>
internal static class Endpoints
{
    public static readonly Option<string> IngestOption = Create("ingest", 5111);
    public static readonly Option<string> NormaliseOption = Create("normalise", 5121);
    public static readonly Option<string> PredictOption = Create("predict", 5131);
    public static readonly Option<string> ReportingOption = Create("reporting", 5141);

    private static Option<string> Create(string service, int localPort) => new($"--{service}")
    {
        Description = $"gRPC address of {service} (env UITSTROOM_{service.ToUpperInvariant()}; default http://localhost:{localPort})",
        Recursive = true,
        DefaultValueFactory = _ =>
            Environment.GetEnvironmentVariable($"UITSTROOM_{service.ToUpperInvariant()}") ?? $"http://localhost:{localPort}",
    };

    public static GrpcChannel Channel(ParseResult parse, Option<string> service) =>
        GrpcChannel.ForAddress(Address(parse.GetValue(service)!, service.Name), new GrpcChannelOptions
        {
            // Imports and exports can be large; the services enforce their own limits.
            MaxReceiveMessageSize = 64 * 1024 * 1024,
            MaxSendMessageSize = 64 * 1024 * 1024,
        });

    private static Uri Address(string text, string option) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? uri
            : throw new ArgumentException($"{option}: '{text}' is not an http(s) address such as http://localhost:5111");
}
