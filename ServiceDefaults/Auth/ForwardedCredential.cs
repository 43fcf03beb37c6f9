using Grpc.Core;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Uitstroom.ServiceDefaults.Auth;

/// <summary>
/// Puts a credential on every call one service makes to another: the key of the request being served (header or
/// login cookie alike), so the called service enforces the same board scope as the first one did; outside any
/// request, the configured service key (<see cref="AuthOptions.ServiceKey"/>). A call that already carries an
/// Authorization header keeps it.
/// </summary>
public sealed class ForwardedCredential(IHttpContextAccessor http, IOptions<AuthOptions> auth) : CallOptionsInterceptor
{
    protected override CallOptions? Adjust(CallOptions options)
    {
        if (options.Headers?.Get("authorization") is not null || Credential() is not { } key)
        {
            return null;
        }

        var headers = new Metadata();
        foreach (var entry in options.Headers ?? [])
        {
            headers.Add(entry);
        }

        headers.Add("authorization", $"Bearer {key}");
        return options.WithHeaders(headers);
    }

    private string? Credential() =>
        http.HttpContext is { } request
            ? request.Items[ApiKeyHandler.CredentialItem] as string
            : string.IsNullOrWhiteSpace(auth.Value.ServiceKey) ? null : auth.Value.ServiceKey.Trim();
}
