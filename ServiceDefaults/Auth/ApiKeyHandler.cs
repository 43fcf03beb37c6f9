using System.Security.Claims;
using System.Text.Encodings.Web;
using Grpc.Core;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Uitstroom.ServiceDefaults.Auth;

/// <summary>
/// Authenticates a request by its API key: <c>Authorization: Bearer uit_…</c> (gRPC metadata is the same header),
/// or the login cookie Reporting's pages set for browsers. The principal carries the board (or the admin role);
/// the services decide per call what that allows. Refusals are answered in the caller's protocol: a gRPC call gets
/// the gRPC status (Unauthenticated / PermissionDenied) rather than an HTTP code a client would have to translate.
/// </summary>
public sealed class ApiKeyHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> schemeOptions,
    ILoggerFactory logger,
    UrlEncoder encoder,
    KeyStore keys,
    IOptions<AuthOptions> auth)
    : AuthenticationHandler<AuthenticationSchemeOptions>(schemeOptions, logger, encoder)
{
    public const string SchemeName = "ApiKey";

    /// <summary>The browser's copy of the key (HttpOnly, SameSite=Strict; set by Reporting's /inloggen).</summary>
    public const string CookieName = "uitstroom_sleutel";

    /// <summary>Where the presented key is kept for the request, so calls to other services can forward it.</summary>
    public const string CredentialItem = "uitstroom:credential";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var presented = Presented(Request);
        if (presented is null)
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        if (!ApiKey.TryParse(presented, out var key))
        {
            return Task.FromResult(AuthenticateResult.Fail("the credential is not an Uitstroom API key (uit_<id>_<secret>)"));
        }

        if (keys.Authenticate(key) is not { } record)
        {
            return Task.FromResult(AuthenticateResult.Fail($"API key {key.Id} is not accepted (unknown, revoked or expired)"));
        }

        Context.Items[CredentialItem] = key.ToString();
        List<Claim> claims = [new(ClaimTypes.Name, record.Id), new(Caller.KeyIdClaim, record.Id)];
        claims.Add(record.IsAdmin ? new Claim(ClaimTypes.Role, Caller.AdminRole) : new Claim(Caller.BoardClaim, record.Board!));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName)));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var failure = (await HandleAuthenticateOnceSafeAsync()).Failure?.Message
                      ?? "no credential: send 'Authorization: Bearer uit_<id>_<secret>'";
        if (IsGrpc(Request))
        {
            WriteGrpcStatus(Response, StatusCode.Unauthenticated, failure);
            return;
        }

        if (auth.Value.LoginPath is { } login && WantsPage(Request))
        {
            Response.Redirect($"{login}?terug={Uri.EscapeDataString(Request.Path + Request.QueryString)}");
            return;
        }

        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        await Response.WriteAsync(failure);
    }

    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        const string message = "this key may not use this endpoint";
        if (IsGrpc(Request))
        {
            WriteGrpcStatus(Response, StatusCode.PermissionDenied, message);
            return;
        }

        Response.StatusCode = StatusCodes.Status403Forbidden;
        await Response.WriteAsync(message);
    }

    private static string? Presented(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return header["Bearer ".Length..].Trim();
        }

        if (header.Length > 0)
        {
            return header; // a malformed scheme is a wrong credential, not a missing one
        }

        return request.Cookies.TryGetValue(CookieName, out var cookie) && cookie.Length > 0 ? cookie : null;
    }

    private static bool IsGrpc(HttpRequest request) =>
        request.ContentType?.StartsWith("application/grpc", StringComparison.OrdinalIgnoreCase) == true;

    private static bool WantsPage(HttpRequest request) =>
        HttpMethods.IsGet(request.Method) && !request.Path.StartsWithSegments("/api")
        && request.Headers.Accept.ToString().Contains("text/html", StringComparison.OrdinalIgnoreCase);

    /// <summary>A trailers-only gRPC response: HTTP 200 with the status in the headers, as gRPC clients expect.</summary>
    private static void WriteGrpcStatus(HttpResponse response, StatusCode status, string message)
    {
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/grpc";
        response.Headers["grpc-status"] = ((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture);
        response.Headers["grpc-message"] = Uri.EscapeDataString(message);
    }
}
