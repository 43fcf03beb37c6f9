namespace Uitstroom.AppHost;

/// <summary>
/// Secrets a deployment must supply that the local run makes up by itself. In publish mode they become secret
/// parameters of the manifest, so the deployment tool (or deploy/k8s, checked against this manifest) asks for them;
/// in run mode nothing changes.
/// </summary>
internal static class DeploymentSecrets
{
    /// <summary>The HMAC key of every pupil identifier Ingest stores (Uitstroom:PupilKeySecret).</summary>
    public static IResourceBuilder<ProjectResource> WithPupilKeySecret(this IResourceBuilder<ProjectResource> ingest)
    {
        if (!ingest.ApplicationBuilder.ExecutionContext.IsPublishMode)
        {
            return ingest;
        }

        var secret = ingest.ApplicationBuilder.AddParameter("pupil-key-secret", secret: true);
        return ingest.WithEnvironment("Uitstroom__PupilKeySecret", secret);
    }
}
