using System.Net.Http.Headers;

namespace Uitstroom.Tests;

/// <summary>
/// Sends <c>Authorization: Bearer &lt;key&gt;</c> with every request that carries no credential of its own: the one
/// piece of key plumbing for in-process hosts (<see cref="TestKeys.Handler"/>) and for a running stack's processes
/// (tests/Stack/StackClients). A request that sets its own header (a security test's other key) keeps it.
/// </summary>
public sealed class BearerHandler(string key) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Headers.Authorization ??= new AuthenticationHeaderValue("Bearer", key);
        return base.SendAsync(request, cancellationToken);
    }
}
