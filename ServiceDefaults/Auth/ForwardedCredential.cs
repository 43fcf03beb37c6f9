using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Uitstroom.ServiceDefaults.Auth;

/// <summary>
/// Puts a credential on every call one service makes to another: the key of the request being served (header or
/// login cookie alike), so the called service enforces the same board scope as the first one did; outside any
/// request, the configured service key (<see cref="AuthOptions.ServiceKey"/>). A call that already carries an
/// Authorization header keeps it.
/// </summary>
public sealed class ForwardedCredential(IHttpContextAccessor http, IOptions<AuthOptions> options) : Interceptor
{
    public override AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(
        TRequest request, ClientInterceptorContext<TRequest, TResponse> context,
        AsyncUnaryCallContinuation<TRequest, TResponse> continuation) =>
        continuation(request, WithCredential(context));

    public override AsyncServerStreamingCall<TResponse> AsyncServerStreamingCall<TRequest, TResponse>(
        TRequest request, ClientInterceptorContext<TRequest, TResponse> context,
        AsyncServerStreamingCallContinuation<TRequest, TResponse> continuation) =>
        continuation(request, WithCredential(context));

    public override AsyncClientStreamingCall<TRequest, TResponse> AsyncClientStreamingCall<TRequest, TResponse>(
        ClientInterceptorContext<TRequest, TResponse> context,
        AsyncClientStreamingCallContinuation<TRequest, TResponse> continuation) =>
        continuation(WithCredential(context));

    public override AsyncDuplexStreamingCall<TRequest, TResponse> AsyncDuplexStreamingCall<TRequest, TResponse>(
        ClientInterceptorContext<TRequest, TResponse> context,
        AsyncDuplexStreamingCallContinuation<TRequest, TResponse> continuation) =>
        continuation(WithCredential(context));

    private ClientInterceptorContext<TRequest, TResponse> WithCredential<TRequest, TResponse>(
        ClientInterceptorContext<TRequest, TResponse> context)
        where TRequest : class
        where TResponse : class
    {
        if (context.Options.Headers?.Get("authorization") is not null || Credential() is not { } key)
        {
            return context;
        }

        var headers = new Metadata();
        foreach (var entry in context.Options.Headers ?? [])
        {
            headers.Add(entry);
        }

        headers.Add("authorization", $"Bearer {key}");
        return new(context.Method, context.Host, context.Options.WithHeaders(headers));
    }

    private string? Credential() =>
        http.HttpContext is { } request
            ? request.Items[ApiKeyHandler.CredentialItem] as string
            : string.IsNullOrWhiteSpace(options.Value.ServiceKey) ? null : options.Value.ServiceKey.Trim();
}
