using System.Text.RegularExpressions;
using Aspire.Hosting.Testing;

namespace Uitstroom.Stack.Tests;

/// <summary>
/// The whole stack with the demo board (90001, 31 fictional schools) loaded the way scripts/demo.sh loads it, through
/// the real command line: <c>simulate --demo</c>, <c>import</c> of its schools, LVS and doorstroomtoets files, and
/// <c>train --backtest</c>.
/// </summary>
public sealed partial class RunningDemoBoard : IAsyncLifetime
{
    public const string Board = "90001";

    private readonly DirectoryInfo _world = Directory.CreateTempSubdirectory("uitstroom-demo-");

    public StackFixture Stack { get; } = new();

    public string Ingest => Stack.App.GetEndpoint("ingest", "grpc").ToString();

    public string Predict => Stack.App.GetEndpoint("predict", "grpc").ToString();

    /// <summary>The model version <c>train</c> made current.</summary>
    public string ModelVersion { get; private set; } = "";

    /// <summary>Every pupil identifier the demo's LVS files use (the schools' own leerling_id).</summary>
    public IReadOnlySet<string> SchoolPupilIds { get; private set; } = new HashSet<string>();

    public async Task InitializeAsync()
    {
        await Stack.InitializeAsync();
        await CommandLine.RunOkAsync(["simulate", "--out", _world.FullName, "--demo", "--seed", "1"]);
        var lvs = Directory.GetFiles(Path.Combine(_world.FullName, "lvs"), "*.csv", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToArray();
        var outflow = Directory.GetFiles(Path.Combine(_world.FullName, "doorstroomtoets"), "*.csv", SearchOption.AllDirectories).Order(StringComparer.Ordinal);
        await CommandLine.RunOkAsync(["import", "--ingest", Ingest, Path.Combine(_world.FullName, "scholen.csv"), .. lvs, .. outflow]);
        // With --backtest: every learner is backtested on the board's earlier cohorts and the best trained, and the
        // figures are stored with the version (uitstroom models --version prints them).
        var trained = await CommandLine.RunOkAsync(["train", "--backtest", "--predict", Predict]);
        ModelVersion = ModelLine().Match(trained).Groups[1].Value;
        SchoolPupilIds = lvs.SelectMany(PupilIds).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>The leerling_id column of one LVS export (the demo writes ';' or ',' files, headers in any case).</summary>
    private static IEnumerable<string> PupilIds(string file)
    {
        var lines = File.ReadLines(file);
        var header = lines.First();
        var separator = header.Contains(';', StringComparison.Ordinal) ? ';' : ',';
        var column = Array.FindIndex(header.Split(separator), h => h.Equals("leerling_id", StringComparison.OrdinalIgnoreCase));
        return lines.Skip(1).Select(l => l.Split(separator)[column]);
    }

    public async Task DisposeAsync()
    {
        await Stack.DisposeAsync();
        _world.Delete(recursive: true);
    }

    [GeneratedRegex(@"model (\S+) \(")]
    private static partial Regex ModelLine();
}
