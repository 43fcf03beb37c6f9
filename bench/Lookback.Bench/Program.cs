using System.Diagnostics;
using Uitstroom.Domain.Inspectie;
using Uitstroom.Domain.Vocabulary;
using Uitstroom.Ingest.PublicData;
using Uitstroom.Tests;

// Median of several runs after a warm-up: the machine is shared, single runs are noisy.
const int Runs = 7;

static double Median(Func<object> work)
{
    work();
    var times = new List<double>();
    for (var i = 0; i < Runs; i++)
    {
        var watch = Stopwatch.StartNew();
        GC.KeepAlive(work());
        times.Add(watch.Elapsed.TotalMilliseconds);
    }

    times.Sort();
    return times[Runs / 2];
}

var inspectie = File.ReadAllBytes(SharedData.Duo("inspectie_leerresultaten_po_2023_2024_2025.csv"));
var duo = File.ReadAllBytes(SharedData.Duo("duo_10_leerlingen_bo_referentieniveaus_2024-2025.csv"));
var parsed = PublicFileParser.Parse(inspectie, "inspectie.csv");
var rows = parsed.RowsOf<InspectieResultRow>().ToList();
SchoolYear[] years = [new(2022), new(2023), new(2024)];

var evidence = rows.Select(r => new SchoolEvidence(
    [.. years.Select(y => r.Years.SingleOrDefault(p => p.Year == y) switch
    {
        null => JudgedYear.Missing(y),
        { Masked: true } => JudgedYear.Masked(y),
        var p => JudgedYear.Known(YearTally.FromPublished(y, p.PercentFundamental!.Value, p.PercentTarget!.Value, p.Pupils!.Value)),
    })],
    r.Schoolweging,
    PublishedPooled: r is { PooledFundamental: { } f, PooledTarget: { } t, Pupils: { } n } ? new Pooled(3, n, 3 * n, f, t) : null)).ToList();

var parseInspectie = Median(() => PublicFileParser.Parse(inspectie, "inspectie.csv"));
var parseDuo = Median(() => PublicFileParser.Parse(duo, "duo.csv"));
var judge = Median(() => evidence.Select(e => Judgement.Judge(e, Signaleringswaarden.Judgement2025)).ToList());

Console.WriteLine($"Inspectie results file ({inspectie.Length / 1024} KB, {rows.Count} schools): parse {parseInspectie:0.0} ms ({rows.Count / parseInspectie * 1000:N0} rows/s)");
Console.WriteLine($"DUO referentieniveaus 2024-2025 ({duo.Length / 1024} KB): parse {parseDuo:0.0} ms");
Console.WriteLine($"Judgement of all {evidence.Count} schools: {judge:0.00} ms ({judge * 1000 / evidence.Count:0.00} µs per school)");
