using Grpc.Core;
using Grpc.Net.Client;

namespace Uitstroom.Tests.Stack;

/// <summary>
/// The one place every client of a running stack is made (gRPC channels, HttpClients, CLI environments) in the
/// process-level tests and the load bench. When <c>UITSTROOM_API_KEY</c> is set, every call carries
/// <c>Authorization: Bearer &lt;key&gt;</c>, so a stack that checks API keys is tested without touching each test.
/// </summary>
public static class StackClients
{
    public const string ApiKeyVariable = "UITSTROOM_API_KEY";

    /// <summary>A key the fixture made for its own stack (a topology run, a test keys file); wins over the environment.</summary>
    public static string? Key { get; set; }

    public static string? ApiKey => Key ?? (Environment.GetEnvironmentVariable(ApiKeyVariable) is { Length: > 0 } key ? key : null);

    /// <summary>A channel to one service's gRPC (h2c) address; dispose it with the returned channel.</summary>
    public static (GrpcChannel Channel, CallInvoker Invoker) Grpc(Uri address)
    {
        var channel = GrpcChannel.ForAddress(address, new GrpcChannelOptions
        {
            MaxReceiveMessageSize = 64 * 1024 * 1024,
            MaxSendMessageSize = 64 * 1024 * 1024,
            // The channel's own transport otherwise; more than one HTTP/2 connection, as GrpcChannel's default has.
            HttpHandler = WithKey(new SocketsHttpHandler { EnableMultipleHttp2Connections = true }),
        });
        return (channel, channel.CreateCallInvoker());
    }

    /// <summary>An HttpClient for pages and JSON on a service's HTTP/1 port.</summary>
    public static HttpClient Http(Uri baseAddress, TimeSpan? timeout = null) =>
        new(WithKey(new SocketsHttpHandler())) { BaseAddress = baseAddress, Timeout = timeout ?? TimeSpan.FromSeconds(30) };

    private static HttpMessageHandler WithKey(HttpMessageHandler transport) =>
        ApiKey is { } key ? new BearerHandler(key) { InnerHandler = transport } : transport;

    /// <summary>The environment a child process (the CLI) needs to call the stack with the same key.</summary>
    public static IEnumerable<KeyValuePair<string, string>> ChildEnvironment() =>
        ApiKey is { } key ? [new(ApiKeyVariable, key)] : [];
}
