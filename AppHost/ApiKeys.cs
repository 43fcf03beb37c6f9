using Microsoft.Extensions.Configuration;

namespace Uitstroom.AppHost;

/// <summary>
/// The API keys every service checks (docs/security.md): the keys file of hashes (Auth:KeysFile) and, for work no
/// caller asked for, an admin service key (Auth:ServiceKey).
/// <list type="bullet">
/// <item>Run mode: <c>data/auth/keys.json</c> in the checkout, which ./run.sh creates with the local CLI's admin key
/// and the demo board's key, and where the CLI finds its key (or <c>Uitstroom:KeysFile</c>); a service key only when
/// <c>Uitstroom:ServiceKey</c> is configured, as nothing runs in the background locally.</item>
/// <item>Publish mode: the file the Kubernetes Secret <c>uitstroom-api-keys</c> is mounted as, and the service key as a
/// secret parameter.</item>
/// </list>
/// </summary>
internal sealed record ApiKeyChoice(string KeysFile, IResourceBuilder<ParameterResource>? ServiceKey, string? LocalServiceKey);

internal static class ApiKeys
{
    /// <summary>Where deploy/k8s mounts the keys file (the Secret's <c>keys.json</c>).</summary>
    public const string MountedKeysFile = "/etc/uitstroom/auth/keys.json";

    public static ApiKeyChoice AddApiKeys(this IDistributedApplicationBuilder builder)
    {
        if (builder.ExecutionContext.IsPublishMode)
        {
            return new ApiKeyChoice(MountedKeysFile, builder.AddParameter("service-api-key", secret: true), null);
        }

        var keys = builder.Configuration["Uitstroom:KeysFile"]
                   ?? Path.GetFullPath(Path.Combine(builder.AppHostDirectory, "..", "data", "auth", "keys.json"));
        return new ApiKeyChoice(keys, null, builder.Configuration["Uitstroom:ServiceKey"]);
    }

    public static IResourceBuilder<ProjectResource> WithApiKeys(this IResourceBuilder<ProjectResource> project, ApiKeyChoice keys)
    {
        project.WithEnvironment("Auth__KeysFile", keys.KeysFile);
        if (keys.ServiceKey is { } parameter)
        {
            project.WithEnvironment("Auth__ServiceKey", parameter);
        }
        else if (keys.LocalServiceKey is { Length: > 0 } local)
        {
            project.WithEnvironment("Auth__ServiceKey", local);
        }

        return project;
    }
}
