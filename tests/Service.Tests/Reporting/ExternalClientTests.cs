using System.Diagnostics;
using System.Text.Json;
using Uitstroom.Contracts.Reporting.V1;
using Uitstroom.Reporting.Tests.Fixtures;
using Uitstroom.Tests;

namespace Uitstroom.Reporting.Tests;

/// <summary>
/// Clients no one on this team wrote: Node.js with @grpc/grpc-js and @grpc/proto-loader (from npm, installed by
/// <c>npm ci</c> from the committed lock file) loading our .proto files, and plain curl on the JSON route. Reporting
/// listens on real loopback ports, as in production.
/// </summary>
public sealed class ExternalClientTests : IAsyncLifetime
{
    private ReportingHost _host = null!;

    public Task InitializeAsync()
    {
        _host = new ReportingHost(new PublishedBoardSources(), kestrel: true).Start();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private static string Repository()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Uitstroom.Aspire.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("the repository root (Uitstroom.Aspire.sln) was not found above the test binaries");
    }

    private static async Task<string> Run(string file, string arguments, string directory, TimeSpan timeout)
    {
        using var process = Process.Start(new ProcessStartInfo(file, arguments)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            // The key the clients send (Node reads it from here; curl is given it as a header).
            Environment = { ["UITSTROOM_API_KEY"] = TestKeys.Admin },
        }) ?? throw new InvalidOperationException($"{file} did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {arguments} did not finish within {timeout}");
        }

        process.ExitCode.ShouldBe(0, $"{file} {arguments} failed: {await stderr}");
        return await stdout;
    }

    [Fact]
    public async Task A_Nodejs_grpc_js_client_loading_the_protos_gets_the_same_board_overview_as_the_dotnet_client()
    {
        var client = Path.Combine(Repository(), "tests", "Client");
        await Run("npm", "ci --no-audit --no-fund", client, TimeSpan.FromMinutes(4));
        var api = await new BoardReports.BoardReportsClient(_host.Channel())
            .GetBoardOverviewAsync(new GetBoardOverviewRequest { Bgnr = PublishedBoardSources.DemoBoard });

        var output = await Run("node", $"fetch-overview.js 127.0.0.1:{_host.GrpcPort} {PublishedBoardSources.DemoBoard}", client, TimeSpan.FromMinutes(1));

        using var json = JsonDocument.Parse(output);
        var schools = json.RootElement.GetProperty("schools").EnumerateArray().ToList();
        schools.Select(s => s.GetProperty("ovt").GetString()).ShouldBe(api.Schools.Select(s => s.Ovt));
        schools.Select(s => s.GetProperty("name").GetString()).ShouldBe(api.Schools.Select(s => s.Name));
        schools.Select(s => s.GetProperty("status").GetString())
            .ShouldBe(api.Schools.Select(s => "SCHOOL_STATUS_" + s.Status.ToString().ToUpperInvariant()));
        schools.Select(s => s.GetProperty("target").GetProperty("forecast").GetArrayLength()).ShouldAllBe(n => n == 3);
        schools.Select(s => s.GetProperty("fundamental").GetProperty("realised").EnumerateArray()
                .Select(y => y.GetProperty("school_year").GetString()).ToList())
            .ShouldAllBe(years => years.SequenceEqual(api.RealisedYears));
    }

    [Fact]
    public async Task Plain_curl_gets_the_same_board_overview_through_JSON_transcoding()
    {
        var api = await new BoardReports.BoardReportsClient(_host.Channel())
            .GetBoardOverviewAsync(new GetBoardOverviewRequest { Bgnr = PublishedBoardSources.DemoBoard });

        var output = await Run("curl", $"-sS -f -H \"Accept: application/json\" -H \"Authorization: Bearer {TestKeys.Admin}\" {_host.HttpAddress}api/v1/boards/{PublishedBoardSources.DemoBoard}/overview",
            Path.GetTempPath(), TimeSpan.FromMinutes(1));

        var overview = Google.Protobuf.JsonParser.Default.Parse<BoardOverview>(output);
        overview.Schools.ShouldBe(api.Schools);
        overview.ForecastYears.ShouldBe(api.ForecastYears);
    }
}
