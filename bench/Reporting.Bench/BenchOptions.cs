using System.Globalization;

namespace Uitstroom.Reporting.Bench;

internal sealed record BenchOptions(
    Uri? Reporting, Uri? Web, string Board, int PredictMs, int Clients, int CallsPerClient, int ColdRuns, int PageRuns)
{
    public static BenchOptions Parse(string[] args)
    {
        string? Value(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        int Number(string name, int fallback) => Value(name) is { } v ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
        return new BenchOptions(
            Value("--reporting") is { } r ? new Uri(r) : null,
            Value("--web") is { } w ? new Uri(w) : null,
            Value("--board") ?? Uitstroom.Reporting.Tests.Fixtures.PublishedBoardSources.DemoBoard,
            Number("--predict-ms", 0),
            Number("--clients", 8),
            Number("--calls", 500),
            Number("--cold-runs", 20),
            Number("--page-runs", 10));
    }
}
