using System.Diagnostics;
using System.Text;

namespace Uitstroom.Fault.Tests.Processes;

/// <summary>
/// A program the tests start, kill and start again, always on the same ports: a service of the stack or Redis.
/// Its output is kept (the last lines are shown when it fails to come up).
/// </summary>
public abstract class ChildProcess : IAsyncDisposable
{
    private readonly StringBuilder _log = new();
    private Process? _process;

    public abstract string Name { get; }

    public bool Running => _process is { HasExited: false };

    public int Pid => _process?.Id ?? 0;

    public string Log
    {
        get { lock (_log) { return _log.ToString(); } }
    }

    protected abstract ProcessStartInfo StartInfo();

    /// <summary>Polled after start until it returns true: the process is ready for calls.</summary>
    protected abstract Task<bool> ReadyAsync();

    public async Task StartAsync()
    {
        if (Running)
        {
            return;
        }

        var info = StartInfo();
        info.RedirectStandardOutput = true;
        info.RedirectStandardError = true;
        var process = Process.Start(info)!;
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;

        var until = DateTime.UtcNow.AddMinutes(3);
        while (DateTime.UtcNow < until)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"{Name} exited with {process.ExitCode} while starting:\n{Tail()}");
            }

            if (await ReadyAsync())
            {
                return;
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"{Name} was not ready within 3 minutes:\n{Tail()}");
    }

    /// <summary>SIGKILL: no shutdown code runs, as when a node dies or the OOM killer strikes.</summary>
    public async Task KillAsync()
    {
        if (_process is null || _process.HasExited)
        {
            return;
        }

        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    /// <summary>SIGTERM and wait: what Kubernetes does to a pod it stops.</summary>
    public async Task StopAsync()
    {
        if (_process is null || _process.HasExited)
        {
            return;
        }

        using (var term = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await term.WaitForExitAsync();
        }

        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        try
        {
            await _process.WaitForExitAsync(wait.Token);
        }
        catch (OperationCanceledException)
        {
            await KillAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process?.Dispose();
        GC.SuppressFinalize(this);
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_log)
        {
            _log.AppendLine(line);
        }
    }

    private string Tail() => string.Join('\n', Log.Split('\n').TakeLast(40));
}
