using System.CommandLine;
using System.Net.Http.Headers;
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

    /// <summary>The key every call carries (docs/security.md).</summary>
    public static readonly Option<string?> ApiKeyOption = new("--api-key")
    {
        Description = "API key (uit_…) to call with (env UITSTROOM_API_KEY; default: the local admin key in data/auth/cli.key that ./run.sh makes)",
        Recursive = true,
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("UITSTROOM_API_KEY"),
    };

    /// <summary>Where ./run.sh keeps the local CLI's admin key, relative to the checkout.</summary>
    public const string LocalKeyFile = "data/auth/cli.key";

    public static GrpcChannel Channel(ParseResult parse, Option<string> service)
    {
        var key = Credential(parse);
        return GrpcChannel.ForAddress(Address(parse.GetValue(service)!, service.Name), new GrpcChannelOptions
        {
            // Imports and exports can be large; the services enforce their own limits.
            MaxReceiveMessageSize = 64 * 1024 * 1024,
            MaxSendMessageSize = 64 * 1024 * 1024,
            // A header on every request rather than gRPC call credentials: those refuse plain http, which the
            // local stack speaks on loopback (a deployment is reached over https, where the header travels encrypted).
            HttpHandler = key is null ? null : new BearerHandler(key) { InnerHandler = new SocketsHttpHandler { EnableMultipleHttp2Connections = true } },
            DisposeHttpClient = true,
        });
    }

    /// <summary>The same key as an HTTP header, for Reporting's pages.</summary>
    public static AuthenticationHeaderValue? Header(ParseResult parse) =>
        Credential(parse) is { } key ? new AuthenticationHeaderValue("Bearer", key) : null;

    /// <summary>
    /// --api-key, else UITSTROOM_API_KEY, else the local admin key file: in the working directory or above the CLI's
    /// own build folder (the checkout). Reading an admin key from a file by default is acceptable only because that
    /// file exists only where ./run.sh made it, on a developer's own machine, readable by that user alone (0600).
    /// </summary>
    private static string? Credential(ParseResult parse)
    {
        if (parse.GetValue(ApiKeyOption) is { Length: > 0 } given)
        {
            return given.Trim();
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, LocalKeyFile);
            if (File.Exists(candidate))
            {
                return File.ReadAllText(candidate).Trim();
            }
        }

        return File.Exists(LocalKeyFile) ? File.ReadAllText(LocalKeyFile).Trim() : null;
    }

    private static Uri Address(string text, string option) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? uri
            : throw new ArgumentException($"{option}: '{text}' is not an http(s) address such as http://localhost:5111");
}

/// <summary>Sends the API key with every request of a channel or HTTP client.</summary>
internal sealed class BearerHandler(string key) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return base.SendAsync(request, cancellationToken);
    }
}
