using Grpc.Core;
using Grpc.Core.Interceptors;

namespace Uitstroom.ServiceDefaults;

/// <summary>
/// A client interceptor that only adjusts the options of every outgoing call (deadline, headers), whatever the call's
/// shape: the four overrides are the same plumbing, so they live here once and a subclass says only what it changes.
/// </summary>
public abstract class CallOptionsInterceptor : Interceptor
{
    /// <summary>The options the call goes out with, or null to leave them as they are.</summary>
    protected abstract CallOptions? Adjust(CallOptions options);

    public override AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(
        TRequest request, ClientInterceptorContext<TRequest, TResponse> context,
        AsyncUnaryCallContinuation<TRequest, TResponse> continuation) =>
        continuation(request, Adjusted(context));

    public override AsyncServerStreamingCall<TResponse> AsyncServerStreamingCall<TRequest, TResponse>(
        TRequest request, ClientInterceptorContext<TRequest, TResponse> context,
        AsyncServerStreamingCallContinuation<TRequest, TResponse> continuation) =>
        continuation(request, Adjusted(context));

    public override AsyncClientStreamingCall<TRequest, TResponse> AsyncClientStreamingCall<TRequest, TResponse>(
        ClientInterceptorContext<TRequest, TResponse> context,
        AsyncClientStreamingCallContinuation<TRequest, TResponse> continuation) =>
        continuation(Adjusted(context));

    public override AsyncDuplexStreamingCall<TRequest, TResponse> AsyncDuplexStreamingCall<TRequest, TResponse>(
        ClientInterceptorContext<TRequest, TResponse> context,
        AsyncDuplexStreamingCallContinuation<TRequest, TResponse> continuation) =>
        continuation(Adjusted(context));

    private ClientInterceptorContext<TRequest, TResponse> Adjusted<TRequest, TResponse>(ClientInterceptorContext<TRequest, TResponse> context)
        where TRequest : class
        where TResponse : class =>
        Adjust(context.Options) is { } options ? new(context.Method, context.Host, options) : context;
}
