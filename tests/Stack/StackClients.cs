using System.Net.Http.Headers;
using Grpc.Core;
using Grpc.Core.Interceptors;
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
        });
        var invoker = ApiKey is { } key
            ? channel.Intercept(metadata =>
            {
                metadata.Add("authorization", $"Bearer {key}");
                return metadata;
            })
            : channel.CreateCallInvoker();
        return (channel, invoker);
    }

    /// <summary>An HttpClient for pages and JSON on a service's HTTP/1 port.</summary>
    public static HttpClient Http(Uri baseAddress, TimeSpan? timeout = null)
    {
        var http = new HttpClient { BaseAddress = baseAddress, Timeout = timeout ?? TimeSpan.FromSeconds(30) };
        if (ApiKey is { } key)
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        return http;
    }

    /// <summary>The environment a child process (the CLI) needs to call the stack with the same key.</summary>
    public static IEnumerable<KeyValuePair<string, string>> ChildEnvironment() =>
        ApiKey is { } key ? [new(ApiKeyVariable, key)] : [];
}
