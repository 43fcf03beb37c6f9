namespace Uitstroom.AppHost;

internal static class ServiceEndpoints
{
    /// <summary>
    /// Gives a service its two endpoints. The names matter: clients address gRPC as <c>http://_grpc.&lt;service&gt;</c>.
    /// The service reads its ports from GRPC_PORT and HTTP_PORT (ServiceDefaults' GrpcHosting) and sets the protocol of each itself.
    /// Health is probed on the HTTP/1 endpoint: Aspire's HTTP health check speaks HTTP/1.1 only.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithServiceEndpoints(
        this IResourceBuilder<ProjectResource> project, ServicePorts ports)
    {
        // Publish mode (the manifest for deployments): the container listens on the same fixed ports the images
        // and Kubernetes manifests use (deploy/), and the gRPC endpoint is declared as HTTP/2 (h2c) so a
        // deployment tool routes it as such. Run mode keeps Aspire's proxying and allocation as they were.
        var publish = project.ApplicationBuilder.ExecutionContext.IsPublishMode;
        project
            .WithHttpEndpoint(port: ports.Http, targetPort: publish ? ports.Http : null, name: "http", env: "HTTP_PORT")
            .WithHttpEndpoint(port: ports.Grpc, targetPort: publish ? ports.Grpc : null, name: "grpc", env: "GRPC_PORT")
            .WithHttpHealthCheck("/health", endpointName: "http");
        if (publish)
        {
            project.WithEndpoint("grpc", endpoint => endpoint.Transport = "http2");
        }

        return project;
    }
}
