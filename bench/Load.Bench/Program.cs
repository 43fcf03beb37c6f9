using System.Globalization;
using Uitstroom.Contracts.Predict.V1;
using Uitstroom.Contracts.Reporting.V1;
using Uitstroom.Load.Bench;
using Uitstroom.Simulation;
using Uitstroom.Tests.Stack;

// Bounded load test against a running stack on loopback. Default addresses are ./run.sh's; for the topology harness
// (deploy/local/run-topology.sh, offset 20000) pass --base-offset 20000.
//   dotnet run -c Release --project bench/Load.Bench -- [--base-offset N] [--clients 8] [--seconds 20] [--board 90001]
// It first makes sure the demo board is there (simulates it, imports it — "unchanged" when already loaded — and trains
// a model when none is current), then runs each scenario for --seconds with --clients concurrent clients:
//   import    re-imports the demo board's own LVS files (idempotent: Ingest parses, keys, normalises and compares
//             every row, and stores nothing new), one file per request;
//   overview  reporting.v1 GetBoardOverview over gRPC (h2c);
//   page      GET /besturen/{board} on Reporting's HTTP/1 port (the HTML report).
// Exit code 1 when any request failed.
var options = Args(args);
var offset = int.Parse(options.GetValueOrDefault("base-offset", "0"), CultureInfo.InvariantCulture);
var clients = int.Parse(options.GetValueOrDefault("clients", "8"), CultureInfo.InvariantCulture);
var duration = TimeSpan.FromSeconds(int.Parse(options.GetValueOrDefault("seconds", "20"), CultureInfo.InvariantCulture));
var board = options.GetValueOrDefault("board", "90001");
Uri Address(int port) => new($"http://127.0.0.1:{port + offset}");

var (ingestChannel, ingest) = StackClients.Grpc(Address(5111));
var (predictChannel, predict) = StackClients.Grpc(Address(5131));
var (reportingChannel, reporting) = StackClients.Grpc(Address(5141));
using var http = StackClients.Http(Address(5140), TimeSpan.FromMinutes(1));

using var world = SimulatedWorld.Write(SimulationOptions.Demo(1));
Console.WriteLine($"preparing: the demo board (31 schools) imported into {Address(5111)}");
foreach (var file in world.ImportOrder)
{
    var report = await ImportUpload.ImportAsync(ingest, file);
    if (report.Outcome is not ("committed" or "unchanged"))
    {
        throw new InvalidOperationException($"{file}: {report.Outcome} {report.Error}");
    }
}

var models = new Models.ModelsClient(predict);
if (!(await models.ListModelsAsync(new ListModelsRequest())).Models.Any(m => m.Current))
{
    Console.WriteLine("preparing: training a model (none is current)");
    await models.TrainAsync(new TrainRequest(), deadline: DateTime.UtcNow.AddMinutes(10));
}

// The board's forecast computed once before the load, as demo.sh does: a cold forecast can take longer than
// Reporting's Predict deadline on a busy machine, and the load test measures serving, not the first computation.
await new Forecasts.ForecastsClient(predict).ForecastSchoolsAsync(new ForecastSchoolsRequest { Bgnr = board }, deadline: DateTime.UtcNow.AddMinutes(5));
var reports = new BoardReports.BoardReportsClient(reporting);
for (var until = DateTime.UtcNow.AddMinutes(3); ;)
{
    var warm = await reports.GetBoardOverviewAsync(new GetBoardOverviewRequest { Bgnr = board }, deadline: DateTime.UtcNow.AddMinutes(2));
    if (warm.Forecast.Freshness == Freshness.Current || DateTime.UtcNow > until)
    {
        Console.WriteLine($"preparing: overview of {board}: {warm.Schools.Count} schools, forecast {warm.Forecast.Freshness}");
        break;
    }

    await Task.Delay(2000);
}
var files = world.LvsFiles.Select(f => (Name: Path.GetFileName(f), Bytes: File.ReadAllBytes(f))).ToList();
Console.WriteLine($"load: {clients} clients × {duration.TotalSeconds:0} s per scenario; {files.Count} LVS files of {files.Average(f => f.Bytes.Length) / 1024:0} KB on average; load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");

var results = new List<LoadResult>
{
    await LoadRun.RunAsync("overview (gRPC)", clients, duration, async (_, _, ct) =>
    {
        var overview = await reports.GetBoardOverviewAsync(new GetBoardOverviewRequest { Bgnr = board }, deadline: DateTime.UtcNow.AddSeconds(30), cancellationToken: ct);
        if (overview.Schools.Count == 0 || overview.Forecast.Freshness != Freshness.Current)
        {
            throw new InvalidOperationException($"overview: {overview.Schools.Count} schools, forecast {overview.Forecast.Freshness}");
        }
    }),
    await LoadRun.RunAsync("page (HTTP/1)", clients, duration, async (_, _, ct) =>
    {
        using var response = await http.GetAsync(new Uri($"/besturen/{board}", UriKind.Relative), ct);
        response.EnsureSuccessStatusCode();
        var html = await response.Content.ReadAsStringAsync(ct);
        if (!html.Contains("class=\"school\"", StringComparison.Ordinal))
        {
            throw new InvalidOperationException("page: no school rows");
        }
    }),
    await LoadRun.RunAsync("import (re-import)", clients, duration, async (client, n, ct) =>
    {
        var (name, bytes) = files[(int)((client + (n * clients)) % files.Count)];
        var report = await ImportUpload.ImportAsync(ingest, name, bytes, ct: ct);
        if (report.Outcome is not ("committed" or "unchanged"))
        {
            throw new InvalidOperationException($"{name}: {report.Outcome} {report.Error}");
        }
    }),
};

foreach (var r in results)
{
    Console.WriteLine(r.Line());
    foreach (var e in r.Errors.GroupBy(e => e).Take(5))
    {
        Console.WriteLine($"    {e.Count()} × {e.Key}");
    }
}

ingestChannel.Dispose();
predictChannel.Dispose();
reportingChannel.Dispose();
return results.Sum(r => r.Errors.Count) == 0 ? 0 : 1;

static Dictionary<string, string> Args(string[] args)
{
    var map = new Dictionary<string, string>(StringComparer.Ordinal);
    for (var i = 0; i + 1 < args.Length; i += 2)
    {
        map[args[i].TrimStart('-')] = args[i + 1];
    }

    return map;
}
