using System.Diagnostics;
using System.Net.Sockets;

namespace Uitstroom.Fault.Tests.Processes;

/// <summary>
/// redis-server on loopback, persisting nothing, as the cache Deployment runs it: a restart starts empty.
/// </summary>
public sealed class RedisProcess(int port) : ChildProcess
{
    public override string Name => "redis-server";

    public int Port => port;

    /// <summary>The connection string Predict reads (ConnectionStrings__cache), as the manifests compose it.</summary>
    public string ConnectionString => $"127.0.0.1:{port},abortConnect=false";

    protected override ProcessStartInfo StartInfo() => new("redis-server")
    {
        ArgumentList = { "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no" },
    };

    protected override async Task<bool> ReadyAsync()
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync("127.0.0.1", port);
            await using var stream = client.GetStream();
            await stream.WriteAsync("PING\r\n"u8.ToArray());
            var buffer = new byte[16];
            var read = await stream.ReadAsync(buffer);
            return System.Text.Encoding.ASCII.GetString(buffer, 0, read).StartsWith("+PONG", StringComparison.Ordinal);
        }
        catch (SocketException)
        {
            return false;
        }
        catch (IOException)
        {
            return false;
        }
    }
}
