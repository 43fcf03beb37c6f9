using Grpc.Core;
using Grpc.Core.Interceptors;
using Polly;
using Polly.CircuitBreaker;

namespace Uitstroom.Reporting.Sources;

/// <summary>
/// A circuit breaker on Reporting's unary calls to one owner (Predict). When Predict is down, every report would
/// otherwise spend the channel's retries (about 1.5 s of backoff) or, if Predict hangs, the whole deadline, before it
/// can show the stale result or the notice; under load those waiting requests pile up. After repeated
/// <c>Unavailable</c>/<c>DeadlineExceeded</c> the breaker opens and calls fail at once with <c>Unavailable</c> — the
/// report answers fast from its last good part — and after <see cref="BreakDuration"/> one trial call decides
/// whether Predict is back, so Reporting recovers by itself, without a restart. Answers such as NotFound or
/// FailedPrecondition are Predict speaking, not failing, and never trip it. The timeout is the call's deadline
/// (SourceOptions), so there is no separate timeout strategy here.
/// </summary>
public sealed class CircuitBreakerInterceptor : Interceptor
{
    public static readonly TimeSpan BreakDuration = TimeSpan.FromSeconds(5);

    private readonly string _service;
    private readonly ResiliencePipeline _breaker;

    public CircuitBreakerInterceptor(string service)
    {
        _service = service;
        _breaker = new ResiliencePipelineBuilder()
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<RpcException>(e => e.StatusCode is StatusCode.Unavailable or StatusCode.DeadlineExceeded),
                FailureRatio = 0.5,
                MinimumThroughput = 4,
                SamplingDuration = TimeSpan.FromSeconds(10),
                BreakDuration = BreakDuration,
            })
            .Build();
    }

    public override AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(
        TRequest request, ClientInterceptorContext<TRequest, TResponse> context,
        AsyncUnaryCallContinuation<TRequest, TResponse> continuation)
    {
        AsyncUnaryCall<TResponse>? inner = null;
        var response = Guarded(() => inner = continuation(request, context), context.Options.CancellationToken);
        return new AsyncUnaryCall<TResponse>(
            response,
            Headers(response, () => inner),
            () => inner?.GetStatus() ?? new Status(StatusCode.Unavailable, $"{_service}: circuit open"),
            () => inner?.GetTrailers() ?? new Metadata(),
            () => inner?.Dispose());
    }

    /// <summary>The real call's headers once it has run; none when the open circuit never made the call.</summary>
    private static async Task<Metadata> Headers<TResponse>(Task<TResponse> response, Func<AsyncUnaryCall<TResponse>?> inner)
    {
        try
        {
            await response;
        }
        catch (RpcException)
        {
            // The caller sees this failure through ResponseAsync; headers only say what the call carried.
        }

        return inner() is { } call ? await call.ResponseHeadersAsync : new Metadata();
    }

    private async Task<TResponse> Guarded<TResponse>(Func<AsyncUnaryCall<TResponse>> start, CancellationToken ct)
    {
        try
        {
            return await _breaker.ExecuteAsync(async _ => await start().ResponseAsync, ct);
        }
        catch (BrokenCircuitException e)
        {
            throw new RpcException(new Status(StatusCode.Unavailable,
                $"{_service} failed repeatedly; not called again for up to {BreakDuration.TotalSeconds:0} s (circuit open)", e));
        }
    }
}
