using Grpc.Core;

namespace Uitstroom.Reporting.Sources;

/// <summary>
/// How a source turns the owner's gRPC statuses into what Reporting acts on: a wrong request stays the caller's
/// error (NotFound, InvalidArgument), everything else means "the owner could not answer now".
/// </summary>
internal static class SourceCalls
{
    public static async Task<T> Guard<T>(string service, Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.NotFound)
        {
            throw new KeyNotFoundException(e.Status.Detail, e);
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.InvalidArgument)
        {
            throw new ArgumentException(e.Status.Detail, e);
        }
        catch (RpcException e) when (e.StatusCode != StatusCode.Cancelled)
        {
            throw new SourceUnavailableException(service, $"{e.StatusCode}: {e.Status.Detail}", e);
        }
    }
}
