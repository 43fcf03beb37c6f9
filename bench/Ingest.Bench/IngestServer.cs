using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Uitstroom.Ingest.Bench;

/// <summary>
/// The real Ingest service in its own process, listening on loopback Kestrel (gRPC over h2c on one port, health on
/// another) exactly as the AppHost starts it, so "over gRPC" means sockets, HTTP/2 framing and a separate heap;
/// the service's own peak memory is read from the kernel (VmHWM) when it stops.
/// </summary>
internal sealed class IngestServer : IAsyncDisposable
{
    private readonly Process _process;

    private IngestServer(Process process, Uri address) => (_process, Address) = (process, address);

    public Uri Address { get; }

    public static async Task<IngestServer> StartAsync(string connectionString, string dataFolder)
    {
        var grpcPort = FreePort();
        var httpPort = FreePort();
        var start = new ProcessStartInfo("dotnet", [ServiceAssembly()])
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["GRPC_PORT"] = grpcPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["HTTP_PORT"] = httpPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["ConnectionStrings__store"] = connectionString;
        start.Environment["Uitstroom__DataFolder"] = dataFolder;
        start.Environment["Uitstroom__PupilKeySecret"] = "bench-secret-of-sufficient-length";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start Ingest");
        // Drain its output so a chatty service never blocks on a full pipe.
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is { Length: > 0 }) { Console.Error.WriteLine($"  [ingest] {e.Data}"); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"Ingest exited with code {process.ExitCode} before it was healthy");
            }

            try
            {
                if ((await http.GetAsync(new Uri($"http://127.0.0.1:{httpPort}/health"))).IsSuccessStatusCode)
                {
                    break;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }

            if (deadline.Elapsed > TimeSpan.FromSeconds(120))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException("Ingest was not healthy within 120 s");
            }

            await Task.Delay(200);
        }

        return new IngestServer(process, new Uri($"http://127.0.0.1:{grpcPort}"));
    }

    /// <summary>The service's peak resident memory so far (Linux VmHWM), in bytes; 0 where /proc is not there.</summary>
    public long PeakResidentBytes()
    {
        var status = $"/proc/{_process.Id}/status";
        if (!File.Exists(status))
        {
            return 0;
        }

        var line = File.ReadLines(status).FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) * 1024;
    }

    /// <summary>
    /// CPU time the service has used so far (user + system, Linux /proc/PID/stat). On a shared, loaded machine wall
    /// time measures the neighbours as much as the import; rows per CPU second does not.
    /// </summary>
    public TimeSpan CpuTime()
    {
        var stat = $"/proc/{_process.Id}/stat";
        if (!File.Exists(stat))
        {
            return TimeSpan.Zero;
        }

        // Fields after the command name (which is in parentheses and may hold spaces): utime and stime are 14 and 15.
        var text = File.ReadAllText(stat);
        var fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], System.Globalization.CultureInfo.InvariantCulture) + long.Parse(fields[12], System.Globalization.CultureInfo.InvariantCulture);
        return TimeSpan.FromSeconds(ticks / 100.0);
    }

    /// <summary>The Ingest build beside this benchmark's: Ingest/bin/&lt;configuration&gt;/net10.0 in the checkout.</summary>
    private static string ServiceAssembly()
    {
        var bench = new DirectoryInfo(AppContext.BaseDirectory);
        // bench/Ingest.Bench/bin/<Configuration>/<tfm>/ → the checkout root is five levels up.
        var tfm = bench.Name;
        var configuration = bench.Parent!.Name;
        var root = bench.Parent!.Parent!.Parent!.Parent!.Parent!.FullName;
        var dll = Path.Combine(root, "Ingest", "bin", configuration, tfm, "Uitstroom.Ingest.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException($"Ingest is not built at {dll}: build bench/Ingest.Bench (it builds Ingest)");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            // SIGTERM first, so the service shuts down as it would in a deployment.
            Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])?.WaitForExit();
            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            try
            {
                await _process.WaitForExitAsync(wait.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
            }
        }

        _process.Dispose();
    }
}
