using Grpc.Core;
using Grpc.Net.Client.Configuration;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Uitstroom.ServiceDefaults.Auth;

namespace Uitstroom.ServiceDefaults;

/// <summary>
/// How one Uitstroom service calls another. Configured on purpose rather than by default:
/// <list type="bullet">
/// <item>every call carries a deadline (a default one when the caller set none), so nothing waits forever;</item>
/// <item>gRPC's own retry policy retries idempotent unary calls on <c>Unavailable</c> with jittered backoff —
/// below HttpClient, so it sees gRPC statuses and never replays a half-sent stream;</item>
/// <item>no HttpClient total timeout: a long import or history stream is bounded by its deadline alone;</item>
/// <item>the caller's credential travels on (<see cref="ForwardedCredential"/>), so every service enforces the same
/// board scope.</item>
/// </list>
/// </summary>
public static class GrpcClients
{
    /// <summary>
    /// Registers a typed gRPC client for <paramref name="service"/>, addressed through service discovery as
    /// <c>http://_grpc.{service}</c> (the AppHost names every service's HTTP/2 endpoint "grpc").
    /// </summary>
    public static IHttpClientBuilder AddServiceGrpcClient<TClient>(
        this IServiceCollection services, string service, TimeSpan defaultDeadline)
        where TClient : ClientBase
    {
        services.AddHttpContextAccessor();
        return services
            .AddGrpcClient<TClient>(o =>
            {
                o.Address = new Uri($"http://_grpc.{service}");
                o.ChannelOptionsActions.Add(channel =>
                {
                    channel.ServiceConfig = new ServiceConfig { MethodConfigs = { IdempotentRetry } };
                    // Retried calls buffer their request; keep that bounded.
                    channel.MaxRetryBufferPerCallSize = 1024 * 1024;
                });
            })
            .ConfigureHttpClient(http => http.Timeout = Timeout.InfiniteTimeSpan)
            .AddInterceptor(() => new DefaultDeadlineInterceptor(defaultDeadline))
            .AddInterceptor(sp => new ForwardedCredential(
                sp.GetRequiredService<IHttpContextAccessor>(), sp.GetRequiredService<IOptions<AuthOptions>>()));
    }

    /// <summary>
    /// Unavailable only: it means the call never reached a handler (connection refused, server restarting), so a
    /// retry cannot apply anything twice. Streaming methods never retry, as their buffered messages are unbounded.
    /// </summary>
    public static readonly MethodConfig IdempotentRetry = new()
    {
        Names = { MethodName.Default },
        RetryPolicy = new RetryPolicy
        {
            MaxAttempts = 4,
            InitialBackoff = TimeSpan.FromMilliseconds(200),
            MaxBackoff = TimeSpan.FromSeconds(2),
            BackoffMultiplier = 2,
            RetryableStatusCodes = { StatusCode.Unavailable },
        },
    };
}

/// <summary>Gives every outgoing call a deadline unless the caller chose one.</summary>
public sealed class DefaultDeadlineInterceptor(TimeSpan deadline) : CallOptionsInterceptor
{
    protected override CallOptions? Adjust(CallOptions options) =>
        options.Deadline is not null ? null : options.WithDeadline(DateTime.UtcNow + deadline);
}
