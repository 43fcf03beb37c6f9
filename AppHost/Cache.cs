using Microsoft.Extensions.DependencyInjection;
using System.Diagnostics;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Uitstroom.AppHost;

/// <summary>
/// Redis, wherever it can run. Aspire's Redis container hangs forever when no container engine answers, so the
/// runtime is probed first; without one, Debian's redis-server runs as a local executable with the same
/// connection-string name, and the services' <c>AddRedisClient("cache")</c> cannot tell the difference.
/// </summary>
internal static class Cache
{
    public static IResourceBuilder<IResourceWithConnectionString> AddCache(this IDistributedApplicationBuilder builder, string name)
    {
        // Deployments always model Redis as a container (the manifest and Kubernetes expect one).
        if (builder.ExecutionContext.IsPublishMode || ContainerRuntimeAnswers())
        {
            return builder.AddRedis(name);
        }

        var redisServer = FindOnPath("redis-server")
            ?? throw new DistributedApplicationException(
                "Uitstroom needs Redis: no container runtime answers ('docker info' failed) and redis-server is not on PATH. " +
                "Install it with 'sudo apt-get install redis-server' (Debian/Ubuntu) or start Docker, then run again.");

        var resource = new LocalRedisResource(name, redisServer, builder.AppHostDirectory);
        var healthCheckKey = $"{name}-ping";
        builder.Services.AddHealthChecks().Add(new HealthCheckRegistration(
            healthCheckKey, _ => new RedisPingCheck(resource), failureStatus: null, tags: null));

        return builder.AddResource(resource)
            .WithEndpoint(name: LocalRedisResource.EndpointName, scheme: "tcp")
            .WithArgs(ctx =>
            {
                ctx.Args.Add("--port");
                ctx.Args.Add(resource.Endpoint.Property(EndpointProperty.TargetPort));
                ctx.Args.Add("--bind");
                ctx.Args.Add("127.0.0.1");
                // A cache: nothing to persist, and no dump files left in the working tree.
                ctx.Args.Add("--save");
                ctx.Args.Add("");
                ctx.Args.Add("--appendonly");
                ctx.Args.Add("no");
            })
            .WithHealthCheck(healthCheckKey);
    }

    private static bool ContainerRuntimeAnswers()
    {
        try
        {
            using var docker = Process.Start(new ProcessStartInfo("docker", "info")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            });
            if (docker is null)
            {
                return false;
            }

            if (!docker.WaitForExit(TimeSpan.FromSeconds(5)))
            {
                docker.Kill(entireProcessTree: true);
                return false;
            }

            return docker.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false; // no docker client at all
        }
    }

    private static string? FindOnPath(string command) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Append("/usr/sbin")
            .Append("/usr/bin")
            .Select(dir => Path.Combine(dir, command))
            .FirstOrDefault(File.Exists);
}

/// <summary>A redis-server process started by the AppHost, exposing the "cache" connection string.</summary>
internal sealed class LocalRedisResource(string name, string command, string workingDirectory)
    : ExecutableResource(name, command, workingDirectory), IResourceWithConnectionString
{
    public const string EndpointName = "tcp";

    public EndpointReference Endpoint => new(this, EndpointName);

    public ReferenceExpression ConnectionStringExpression =>
        ReferenceExpression.Create($"{Endpoint.Property(EndpointProperty.HostAndPort)}");
}

/// <summary>Healthy once redis-server answers PING; dependents wait for it.</summary>
internal sealed class RedisPingCheck(LocalRedisResource redis) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(redis.Endpoint.Host, redis.Endpoint.Port, cancellationToken);
            var stream = client.GetStream();
            await stream.WriteAsync("PING\r\n"u8.ToArray(), cancellationToken);
            var buffer = new byte[16];
            var read = await stream.ReadAsync(buffer, cancellationToken);
            return Encoding.ASCII.GetString(buffer, 0, read).StartsWith("+PONG", StringComparison.Ordinal)
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy("redis-server did not answer PONG");
        }
        catch (Exception e) when (e is SocketException or IOException or InvalidOperationException)
        {
            return HealthCheckResult.Unhealthy("redis-server not reachable yet", e);
        }
    }
}
