using System.Diagnostics;
using Uitstroom.Tests;

namespace Uitstroom.Fault.Tests.Processes;

/// <summary>
/// One Uitstroom service as its own process: its built DLL run from its output folder, with only the environment
/// given (the names the Kubernetes manifests set), ready when <c>/health</c> on its HTTP/1 port says so.
/// </summary>
public sealed class ServiceProcess(string project, int httpPort, int grpcPort, IReadOnlyDictionary<string, string> environment) : ChildProcess
{
    private static readonly HttpClient Probe = new() { Timeout = TimeSpan.FromSeconds(2) };

    public override string Name => project;

    public Uri Http { get; } = new($"http://127.0.0.1:{httpPort}");

    public Uri Grpc { get; } = new($"http://127.0.0.1:{grpcPort}");

    protected override ProcessStartInfo StartInfo()
    {
        var bin = Repository.PathOf(project, "bin", Repository.Configuration, "net10.0");
        var dll = Path.Combine(bin, $"Uitstroom.{project}.dll");
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException($"{dll} is missing: dotnet build {project} -c {Repository.Configuration}");
        }

        var info = new ProcessStartInfo("dotnet") { ArgumentList = { dll }, WorkingDirectory = bin };
        // Nothing from the test runner's environment but what a container would have too.
        info.Environment.Clear();
        info.Environment["PATH"] = Environment.GetEnvironmentVariable("PATH");
        info.Environment["HOME"] = Environment.GetEnvironmentVariable("HOME") ?? "/tmp";
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        info.Environment["HTTP_PORT"] = httpPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        info.Environment["GRPC_PORT"] = grpcPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        info.Environment["OTEL_SERVICE_NAME"] = project.ToLowerInvariant();
        // The keys file a mounted Secret would hold (docs/security.md): the test process's own, with its admin key.
        info.Environment["Auth__KeysFile"] = TestKeys.Default.File;
        foreach (var (name, value) in environment)
        {
            info.Environment[name] = value;
        }

        return info;
    }

    protected override async Task<bool> ReadyAsync()
    {
        try
        {
            using var response = await Probe.GetAsync(new Uri(Http, "/health"));
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
        catch (TaskCanceledException)
        {
            return false;
        }
    }
}
