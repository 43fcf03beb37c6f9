using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using Grpc.Core;
using Grpc.Net.Client;
using Uitstroom.Tests.Stack;

namespace Uitstroom.Deploy.Tests.Topology;

/// <summary>One process of the topology as run-topology.sh reports it: "ready predict replica=1 http=… grpc=…".</summary>
public sealed record TopologyProcess(string Service, int Replica, Uri Http, Uri Grpc);

/// <summary>
/// deploy/local/run-topology.sh, started once for the test class: PostgreSQL, Redis, the four services as separate
/// processes with the dev overlay's env, two Predict replicas. Stopped (SIGTERM, which it forwards) afterwards.
/// </summary>
public sealed partial class TopologyFixture : IAsyncLifetime
{
    private readonly StringBuilder _log = new();
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Process _script = null!;

    public List<TopologyProcess> Processes { get; } = [];

    /// <summary>The connection string of the topology's PostgreSQL, as Ingest got it through the uitstroom-store Secret.</summary>
    public string Store { get; private set; } = "";

    public string Log
    {
        get { lock (_log) { return _log.ToString(); } }
    }

    public TopologyProcess One(string service, int replica = 0) =>
        Processes.Single(p => p.Service == service && p.Replica == replica);

    /// <summary>A channel to one process and the invoker to build clients on (it carries the API key when set).</summary>
    public static (GrpcChannel Channel, CallInvoker Invoker) Channel(TopologyProcess process) => StackClients.Grpc(process.Grpc);

    public async Task InitializeAsync()
    {
        // Ports are the manifests' plus an offset: away from ./run.sh (5110…), the repository tests' PostgreSQL (55432),
        // a hand-started run-topology.sh (offset 20000), and below Linux's ephemeral range (32768+).
        const int offset = 21000;
        var start = new ProcessStartInfo("bash")
        {
            ArgumentList = { Repository.PathOf("deploy", "local", "run-topology.sh"), "--offset", offset.ToString(System.Globalization.CultureInfo.InvariantCulture), "--configuration", Repository.Configuration },
            WorkingDirectory = Repository.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        _script = Process.Start(start)!;
        _script.OutputDataReceived += (_, e) => Receive(e.Data);
        _script.ErrorDataReceived += (_, e) => Receive(e.Data);
        _script.Exited += (_, _) => _ready.TrySetException(new InvalidOperationException($"run-topology.sh stopped before the topology was ready:\n{Log}"));
        _script.EnableRaisingEvents = true;
        _script.BeginOutputReadLine();
        _script.BeginErrorReadLine();

        await _ready.Task.WaitAsync(TimeSpan.FromMinutes(4));
    }

    private void Receive(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_log)
        {
            _log.AppendLine(line);
        }

        if (ReadyLine().Match(line) is { Success: true } m)
        {
            lock (Processes)
            {
                Processes.Add(new TopologyProcess(m.Groups[1].Value, int.Parse(m.Groups[2].Value), new Uri(m.Groups[3].Value), new Uri(m.Groups[4].Value)));
            }
        }
        else if (line.StartsWith("admin-key ", StringComparison.Ordinal))
        {
            // The admin key run-topology.sh made for this run: every client StackClients makes carries it.
            StackClients.Key = line["admin-key ".Length..];
        }
        else if (line.StartsWith("store ", StringComparison.Ordinal))
        {
            Store = line["store ".Length..];
        }
        else if (line.StartsWith("topology ready", StringComparison.Ordinal))
        {
            _ready.TrySetResult();
        }
    }

    public async Task DisposeAsync()
    {
        if (!_script.HasExited)
        {
            // The script stops everything it started on SIGTERM (its trap), PostgreSQL included.
            Process.Start("kill", ["-TERM", _script.Id.ToString()])!.WaitForExit();
            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            try
            {
                await _script.WaitForExitAsync(wait.Token);
            }
            catch (OperationCanceledException)
            {
                _script.Kill(entireProcessTree: true);
            }
        }

        _script.Dispose();
    }

    [GeneratedRegex(@"^ready (\w+) replica=(\d+) http=(\S+) grpc=(\S+)")]
    private static partial Regex ReadyLine();
}
