using Grpc.Core;
using Spectre.Console;

namespace Uitstroom.Cli;

/// <summary>Runs a command body and turns failures into one clear line and a non-zero exit code.</summary>
internal static class CliRunner
{
    public static readonly TimeSpan DefaultDeadline = TimeSpan.FromSeconds(30);

    public static DateTime Deadline(TimeSpan? timeout = null) => DateTime.UtcNow + (timeout ?? DefaultDeadline);

    public static async Task<int> RunAsync(Func<Task> body)
    {
        try
        {
            await body();
            return 0;
        }
        catch (RpcException e) when (e.StatusCode is StatusCode.Unavailable or StatusCode.DeadlineExceeded)
        {
            AnsiConsole.MarkupLineInterpolated($"[red]error:[/] the Uitstroom stack did not answer ({e.StatusCode}: {e.Status.Detail}). Is it running (./run.sh)?");
            return 3;
        }
        catch (RpcException e)
        {
            AnsiConsole.MarkupLineInterpolated($"[red]error:[/] {e.StatusCode}: {e.Status.Detail}");
            return 2;
        }
        catch (Exception e) when (e is FormatException or IOException or ArgumentException)
        {
            AnsiConsole.MarkupLineInterpolated($"[red]error:[/] {e.Message}");
            return 2;
        }
    }
}
