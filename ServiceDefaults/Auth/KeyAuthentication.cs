using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Uitstroom.ServiceDefaults.Auth;

/// <summary>
/// API-key authentication for every endpoint of a service: every endpoint needs a valid key (the fallback
/// policy) unless it says otherwise — only health (<c>/health</c>, <c>/alive</c>, grpc.health.v1) and a login page
/// do. What a valid key may then do is decided in the services, per call (<see cref="CallAccess"/>).
/// </summary>
public static class KeyAuthentication
{
    public static WebApplicationBuilder AddKeyAuthentication(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<AuthOptions>()
            .Bind(builder.Configuration.GetSection(AuthOptions.Section))
            .Validate(o => !string.IsNullOrWhiteSpace(o.KeysFile),
                "Auth:KeysFile must name the keys file (docs/security.md); without keys nothing but health could be called")
            .ValidateOnStart();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<KeyStore>();
        builder.Services.AddSingleton<SchoolAccess>();
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddAuthentication(ApiKeyHandler.SchemeName)
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, ApiKeyHandler>(ApiKeyHandler.SchemeName, null);
        builder.Services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder(ApiKeyHandler.SchemeName).RequireAuthenticatedUser().Build());
        return builder;
    }
}
