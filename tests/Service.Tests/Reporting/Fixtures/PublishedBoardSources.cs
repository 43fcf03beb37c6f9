using System.Globalization;
using Uitstroom.Domain.Inspectie;
using Uitstroom.Reporting.Sources;
using Uitstroom.Tests;

namespace Uitstroom.Reporting.Tests.Fixtures;

/// <summary>
/// A test double for Reporting's three sources, fed with the real published results: the registry and the look-back
/// come straight from the Inspectie's 2025 file (every board, school, year, value and outcome as published), and the
/// forecast is a simple, deterministic outlook built from those values (the last three-year value carried forward,
/// with ranges that widen for small schools). Predict's real forecast is not what these tests check: they check that
/// Reporting shows what its sources say. <see cref="PredictDown"/> simulates a Predict outage.
/// </summary>
public sealed partial class PublishedBoardSources : IRegistrySource, ILookbackSource, IForecastSource, IMonitoringSource
{
    /// <summary>A real board with nine schools, three of them below a signaleringswaarde and two with masked years.</summary>
    public const string DemoBoard = "41583";

    private static readonly string[] RealisedYears = ["2022-2023", "2023-2024", "2024-2025"];
    private static readonly string[] FileYearCodes = ["2223", "2324", "2425"];
    private static readonly string[] ForecastYears = ["2025-2026", "2026-2027", "2027-2028"];
    private static readonly string[] Providers = ["CITO", "IEP", "DIA"];
    private static readonly Lazy<Published> Data = new(Load);

    private int _forecastCalls;

    public bool PredictDown { get; set; }

    public bool IngestDown { get; set; }

    /// <summary>How often the forecast was asked for: the cache tests count Predict's work with it.</summary>
    public int ForecastCalls => _forecastCalls;

    /// <summary>A delay on every Predict call, to make a cold fetch cost something measurable.</summary>
    public TimeSpan PredictLatency { get; set; } = TimeSpan.Zero;

    public Task<IReadOnlyList<BoardFacts>> ListBoardsAsync(CancellationToken ct)
    {
        ThrowIfIngestDown();
        return Task.FromResult<IReadOnlyList<BoardFacts>>(
            [.. Data.Value.Schools.GroupBy(s => s.Bgnr).OrderBy(g => g.Key).Select(g => new BoardFacts(g.Key, BoardName(g.Key), g.Count()))]);
    }

    public Task<BoardWithSchools> GetBoardAsync(string bgnr, CancellationToken ct)
    {
        ThrowIfIngestDown();
        var schools = Data.Value.Schools.Where(s => s.Bgnr == bgnr).ToList();
        if (schools.Count == 0)
        {
            throw new KeyNotFoundException($"board {bgnr} is not in the registry");
        }

        return Task.FromResult(new BoardWithSchools(
            new BoardFacts(bgnr, BoardName(bgnr), schools.Count),
            [.. schools.Select(s => new SchoolFacts(s.Ovt, s.Brin, s.Vestiging, s.Name, s.Bgnr, s.Schoolweging, "", Provider: ""))]));
    }

    async Task<BoardLookbackFacts> ILookbackSource.GetBoardAsync(string bgnr, CancellationToken ct)
    {
        await Predict(ct);
        return new BoardLookbackFacts(
            [.. Data.Value.Schools.Where(s => s.Bgnr == bgnr).Select(s => s.Lookback)],
            Signaleringswaarden.Judgement2025.Source);
    }

    async Task<BoardForecastFacts> IForecastSource.GetBoardAsync(string bgnr, CancellationToken ct)
    {
        Interlocked.Increment(ref _forecastCalls);
        await Predict(ct);
        return new BoardForecastFacts("M7 2025-2026 (februari 2026)", "test-outlook-1",
            [.. Data.Value.Schools.Where(s => s.Bgnr == bgnr).Select(s => Outlook(s, drillDown: false))]);
    }

    public async Task<SchoolForecastFacts> GetSchoolAsync(string bgnr, string brin, int vestiging, CancellationToken ct)
    {
        Interlocked.Increment(ref _forecastCalls);
        await Predict(ct);
        var school = Data.Value.Schools.FirstOrDefault(s => s.Bgnr == bgnr && s.Brin == brin && s.Vestiging == vestiging)
            ?? throw new KeyNotFoundException($"school {brin}{vestiging:00} of board {bgnr} is unknown");
        return Outlook(school, drillDown: true);
    }

    public static string BoardName(string bgnr) => $"Stichting {bgnr}";

    /// <summary>The published row of one school (for tests that compare against the file itself).</summary>
    public static PublishedSchool School(string ovt) => Data.Value.Schools.Single(s => s.Ovt == ovt);

    public static IReadOnlyList<PublishedSchool> SchoolsOf(string bgnr) => [.. Data.Value.Schools.Where(s => s.Bgnr == bgnr)];

    private async Task Predict(CancellationToken ct)
    {
        if (PredictLatency > TimeSpan.Zero)
        {
            await Task.Delay(PredictLatency, ct);
        }

        if (PredictDown)
        {
            throw new SourceUnavailableException("predict", "Unavailable: connection refused");
        }
    }

    private void ThrowIfIngestDown()
    {
        if (IngestDown)
        {
            throw new SourceUnavailableException("ingest", "Unavailable: connection refused");
        }
    }

    private static SchoolForecastFacts Outlook(PublishedSchool s, bool drillDown)
    {
        // A fixed provider per school (string hash codes vary per process).
        var provider = Providers[s.Ovt.Sum(c => c) % 3];
        var pupilsPerYear = Math.Max(5, (s.Lookback.Pupils ?? 30) / 3.0);
        var fundamental = Indicator(s, pupilsPerYear, s.Lookback.Fundamental, y => y.PercentFundamental, swing: 3.0);
        var target = Indicator(s, pupilsPerYear, s.Lookback.Target, y => y.PercentTarget, swing: 8.0);
        var worst = new[] { fundamental.ProbabilityBelow ?? 0, target.ProbabilityBelow ?? 0 }.Max();
        var status = worst >= 0.5 ? "rood" : worst >= 0.2 ? "oranje" : "groen";
        if (!drillDown)
        {
            return new SchoolForecastFacts(s.Brin, s.Vestiging, provider, status, fundamental, target, [], []);
        }

        var f = fundamental.Years[0].Percent.Expected;
        var t = target.Years[0].Percent.Expected;
        (string Subject, string Level, double Offset)[] subjects = [("lezen", "2F", 12), ("taalverzorging", "2F", 2), ("rekenen", "1S", -14)];
        var subjectFacts = subjects.Select(x => new SubjectForecastFacts(
            x.Subject, x.Level,
            [.. ForecastYears.Select(y => new SubjectYearFacts(y, Around(Math.Min(99.5, f + (x.Offset / 6)), 4), Around(Math.Clamp(t + x.Offset, 1, 99), 10)))],
            (int)Math.Round(pupilsPerYear * (100 - f) / 100 * 3), (int)Math.Round(pupilsPerYear * (100 - (t + x.Offset)) / 100 * 3))).ToList();
        var cohorts = ForecastYears.Select((y, k) => new CohortForecastFacts(y, 8 - k, (int)Math.Round(pupilsPerYear),
            [.. subjects.Select(x => new CohortSubjectFacts(
                x.Subject, Around(Math.Min(99.5, f + (x.Offset / 6)), 4), Around(Math.Clamp(t + x.Offset, 1, 99), 10),
                (int)Math.Round(pupilsPerYear * (100 - f) / 100), (int)Math.Round(pupilsPerYear * (100 - (t + x.Offset)) / 100),
                [.. Moments(8 - k).Select((m, j) => new TrendPointFacts(
                    m.Moment, m.Year, (int)Math.Round(pupilsPerYear), 140 + (t + x.Offset - 50) + (j * 1.5), f / 100, Math.Clamp(t + x.Offset, 1, 99) / 100))]))])).ToList();
        return new SchoolForecastFacts(s.Brin, s.Vestiging, provider, status, fundamental, target, subjectFacts, cohorts);
    }

    /// <summary>The test moments a cohort now in <paramref name="groep"/> has taken since groep 5, with their school years.</summary>
    private static IEnumerable<(string Moment, string Year)> Moments(int groep)
    {
        var now = 2025; // school year 2025-2026: the current one
        for (var g = 5; g <= groep; g++)
        {
            var year = now - (groep - g);
            var label = $"{year}-{year + 1}";
            yield return ($"M{g}", label);
            if (g < groep && g < 8)
            {
                yield return ($"E{g}", label);
            }
        }
    }

    private static IndicatorForecastFacts Indicator(
        PublishedSchool s, double pupilsPerYear, IndicatorLookbackFacts judged, Func<RealisedYearFacts, double?> percent, double swing)
    {
        var expected = judged.Value ?? 90;
        var sd = swing * Math.Sqrt(20 / pupilsPerYear);
        var known = s.Lookback.Years.Select(y => (y.Pupils, Value: percent(y))).ToList();
        var years = new List<ForecastYearFacts>();
        var maxProbability = 0.0;
        for (var k = 0; k < ForecastYears.Length; k++)
        {
            // The window after forecast year k: the last (2 - k) known years and k + 1 forecast years.
            var knownInWindow = known.Skip(k + 1).Where(y => y.Value is not null).ToList();
            var forecastPupils = (k + 1) * pupilsPerYear;
            var totalPupils = forecastPupils + knownInWindow.Sum(y => y.Pupils);
            var projected = ((expected * forecastPupils) + knownInWindow.Sum(y => y.Value!.Value * y.Pupils)) / totalPupils;
            var projectedSd = sd * Math.Sqrt(k + 1) * pupilsPerYear / totalPupils;
            var probability = judged.Signaleringswaarde is { } th ? NormalCdf((th - projected) / projectedSd) : 0;
            maxProbability = Math.Max(maxProbability, probability);
            years.Add(new ForecastYearFacts(ForecastYears[k], Around(expected, sd), pupilsPerYear, Around(projected, projectedSd), Math.Round(probability, 3)));
        }

        var first = years[0].ProjectedIndicator.Expected;
        var gap = judged.Signaleringswaarde is { } t && first < t ? (int)Math.Ceiling((t - first) / 100 * 3 * pupilsPerYear * 3) : 0;
        var status = maxProbability >= 0.5 ? "rood" : maxProbability >= 0.2 ? "oranje" : "groen";
        return new IndicatorForecastFacts(years, status, Math.Round(maxProbability, 3), gap);
    }

    private static Sources.Range Around(double expected, double sd) =>
        new(Math.Round(expected, 2), Math.Round(Math.Max(0, expected - (1.2816 * sd)), 2), Math.Round(Math.Min(100, expected + (1.2816 * sd)), 2), 0.8);

    private static double NormalCdf(double z) => 0.5 * (1 + Erf(z / Math.Sqrt(2)));

    // Abramowitz and Stegun 7.1.26: accurate to 1.5e-7, plenty for a test outlook.
    private static double Erf(double x)
    {
        var sign = Math.Sign(x);
        x = Math.Abs(x);
        var t = 1 / (1 + (0.3275911 * x));
        var y = 1 - ((((((1.061405429 * t) - 1.453152027) * t) + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.Exp(-x * x);
        return sign * y;
    }

    private static Published Load()
    {
        var names = new Dictionary<string, (string Bgnr, string Name)>();
        foreach (var row in Csv(SharedData.Duo("inspectie_schoolweging_driejaarsgemiddelde_2122_2223_2324.csv")))
        {
            names[row["OVT"]] = (row["BGNR"], row["Naam"]);
        }

        var schools = new List<PublishedSchool>();
        foreach (var row in Csv(SharedData.Duo("inspectie_leerresultaten_po_2023_2024_2025.csv")))
        {
            var ovt = row["ovt"];
            if (!names.TryGetValue(ovt, out var who))
            {
                continue;
            }

            var years = FileYearCodes.Select((code, k) =>
            {
                var pupils = row[$"Aantal leerlingen {code}"];
                return pupils switch
                {
                    "*" => new RealisedYearFacts(RealisedYears[k], "masked", 0, null, null),
                    "" => new RealisedYearFacts(RealisedYears[k], "missing", 0, null, null),
                    _ => new RealisedYearFacts(RealisedYears[k], "known", int.Parse(pupils, CultureInfo.InvariantCulture),
                        Number(row[$"Gemiddelde %1F {code}"]), Number(row[$"Gemiddelde %1S/2F {code}"])),
                };
            }).ToList();
            var lookback = new SchoolLookbackFacts(
                ovt, years, Number(row["Totaal aantal leerlingen 3 jaar"]) is { } n ? (int)n : null,
                Judged(row["Gewogen driejaarsgemiddelde %1F"], row["Signaleringswaarde 1F"], row["Uitkomst indicator 1F"]),
                Judged(row["Gewogen driejaarsgemiddelde %1S/2F"], row["Signaleringswaarde 1S/2F"], row["Uitkomst indicator 1S/2F"]));
            schools.Add(new PublishedSchool(ovt, who.Bgnr, who.Name, Number(row["Schoolweging"]), lookback));
        }

        return new Published(schools);
    }

    private static IndicatorLookbackFacts Judged(string value, string threshold, string outcome)
    {
        var parsed = Outcomes.Parse(outcome);
        return new IndicatorLookbackFacts(Number(value), Number(threshold), parsed.Code(), parsed.Label());
    }

    private static double? Number(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : null;

    /// <summary>The two public files are plain comma-separated text; only a few fields are quoted ("[31,32)").</summary>
    private static IEnumerable<Dictionary<string, string>> Csv(string path)
    {
        using var reader = new StreamReader(path);
        var header = CsvLine.Split(reader.ReadLine()!);
        while (reader.ReadLine() is { } line)
        {
            var cells = CsvLine.Split(line);
            yield return header.Select((h, i) => (h, v: i < cells.Count ? cells[i] : "")).ToDictionary(x => x.h, x => x.v);
        }
    }

    private sealed record Published(IReadOnlyList<PublishedSchool> Schools);
}

public sealed record PublishedSchool(string Ovt, string Bgnr, string Name, double? Schoolweging, SchoolLookbackFacts Lookback)
{
    public string Brin => Ovt[..4];

    /// <summary>
    /// The double's registry key: the Inspectie's C-number stands in for the DUO vestiging (they differ in reality,
    /// which is why Reporting joins Predict's answer through the registry rather than assuming either).
    /// </summary>
    public int Vestiging => int.Parse(Ovt[6..], CultureInfo.InvariantCulture);
}
