namespace Uitstroom.AppHost;

internal static class ServiceEndpoints
{
    /// <summary>
    /// Gives a service its two endpoints. The names matter: clients address gRPC as <c>http://_grpc.&lt;service&gt;</c>.
    /// The service reads its ports from GRPC_PORT and HTTP_PORT (ServiceDefaults' GrpcHosting) and sets the protocol of each itself.
    /// Health is probed on the HTTP/1 endpoint: Aspire's HTTP health check speaks HTTP/1.1 only.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithServiceEndpoints(
        this IResourceBuilder<ProjectResource> project, ServicePorts ports) =>
        project
            .WithHttpEndpoint(port: ports.Http, name: "http", env: "HTTP_PORT")
            .WithHttpEndpoint(port: ports.Grpc, name: "grpc", env: "GRPC_PORT")
            .WithHttpHealthCheck("/health", endpointName: "http");
}
