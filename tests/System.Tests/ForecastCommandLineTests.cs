using System.Globalization;
using Uitstroom.Contracts.Predict.V1;
using Uitstroom.Tests;

namespace Uitstroom.Stack.Tests;

/// <summary>
/// Issue 7's command line on the running stack: <c>uitstroom forecast pupils|schools --format csv</c> print what
/// Predict's gRPC API answers, with the columns the issue names, and <c>uitstroom models</c> shows the
/// trained version's stored backtest.
/// </summary>
public sealed class ForecastCommandLineTests(RunningDemoBoard demo) : IClassFixture<RunningDemoBoard>
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    [Fact]
    public async Task Forecast_pupils_prints_each_pupil_and_subject_as_the_API_answers_under_the_schools_own_pupil_ids()
    {
        // Half the school's own identifiers are handed in: those rows carry them, the others only the store's key.
        var given = demo.SchoolPupilIds.Where(id => id[^1] % 2 == 0).ToHashSet(StringComparer.Ordinal);
        var idFile = Path.Combine(Path.GetTempPath(), $"uitstroom-ids-{Guid.NewGuid():N}.csv");
        await File.WriteAllLinesAsync(idFile, ["leerling_id", .. given]);
        try
        {
            var printed = CsvLine.Rows(await CommandLine.RunOkAsync(
                ["forecast", "pupils", "--board", RunningDemoBoard.Board, "--format", "csv", "--leerlingen", idFile, "--predict", demo.Predict]), out var header);
            using var channel = demo.Stack.Channel("predict");
            var request = new ForecastPupilsRequest { Bgnr = RunningDemoBoard.Board, SchoolPupilIds = { given } };
            var api = await new Forecasts.ForecastsClient(channel).ForecastPupilsAsync(request, deadline: DateTime.UtcNow.AddMinutes(2));

            header.ShouldBe(["brin", "vestiging", "leerling_id", "vak", "uitstroomjaar", "p_1f", "p_streef"]);
            api.Pupils.Count.ShouldBeGreaterThan(3 * 1000);
            printed.Count.ShouldBe(api.Pupils.Count);
            foreach (var (row, p) in printed.Zip(api.Pupils))
            {
                row["brin"].ShouldBe(p.Brin);
                row["vestiging"].ShouldBe(p.Vestiging.ToString("00", C));
                row["leerling_id"].ShouldBe(p.SchoolPupilId.Length > 0 ? p.SchoolPupilId : p.PupilKey);
                row["vak"].ShouldBe(p.Subject);
                row["uitstroomjaar"].ShouldBe($"{p.OutflowYear}-{p.OutflowYear + 1}");
                row["p_1f"].ShouldBe(p.P1F.ToString("0.0000", C));
                row["p_streef"].ShouldBe(p.PStreef.ToString("0.0000", C));
            }

            api.Pupils.Select(p => p.Subject).Distinct().ShouldBe(["lezen", "taalverzorging", "rekenen"], ignoreOrder: true);
            // Reaching the target level means reaching 1F: a forecast that says otherwise is not a probability pair.
            api.Pupils.ShouldAllBe(p => p.P1F >= 0 && p.P1F <= 1 && p.PStreef >= 0 && p.PStreef <= p.P1F + 1e-9);
            // Identifiers come back only where they were handed in; elsewhere the column holds the keyed hash, never a
            // school's identifier (the store holds none).
            api.Pupils.Where(p => p.SchoolPupilId.Length > 0).ShouldNotBeEmpty();
            api.Pupils.Where(p => p.SchoolPupilId.Length > 0).ShouldAllBe(p => given.Contains(p.SchoolPupilId));
            api.Pupils.Where(p => p.SchoolPupilId.Length == 0).ShouldNotBeEmpty();
            api.Pupils.Where(p => p.SchoolPupilId.Length == 0).ShouldAllBe(p => p.PupilKey.Length > 16 && !demo.SchoolPupilIds.Contains(p.PupilKey));
        }
        finally
        {
            File.Delete(idFile);
        }
    }

    [Fact]
    public async Task Forecast_schools_prints_every_schools_outflow_years_and_projected_indicators_as_the_API_answers()
    {
        var printed = CsvLine.Rows(await CommandLine.RunOkAsync(
            ["forecast", "schools", "--board", RunningDemoBoard.Board, "--format", "csv", "--predict", demo.Predict]), out var header);
        using var channel = demo.Stack.Channel("predict");
        var api = await new Forecasts.ForecastsClient(channel).ForecastSchoolsAsync(
            new ForecastSchoolsRequest { Bgnr = RunningDemoBoard.Board }, deadline: DateTime.UtcNow.AddMinutes(2));

        header.ShouldBe(["brin", "vestiging", "status", "soort", "jaar", "groep_nu", "indicator", "verwacht", "laag80", "hoog80", "laag95", "hoog95",
            "signaleringswaarde", "p_onder", "uitkomst", "extra_resultaten"]);
        api.Schools.Count.ShouldBe(31);
        // Per school: its coming outflow years (the subjects pooled), 1F then 1S/2F, then its judgement years.
        var expected = api.Schools.SelectMany(s =>
            s.Years.Where(y => y.Subject.Length == 0).SelectMany(y => new[]
            {
                Row(s, "uitstroomjaar", y.OutflowYear, y.GroepNow.ToString(C), "1F", y.Fundamental),
                Row(s, "uitstroomjaar", y.OutflowYear, y.GroepNow.ToString(C), "1S/2F", y.Streef),
            })
            .Concat(s.Indicators.Select(i => Row(s, "oordeel", i.JudgementYear, "", i.Indicator, i.Value,
                i.HasSignaleringswaarde ? i.Signaleringswaarde.ToString("0.0", C) : "",
                i.HasProbabilityBelow ? i.ProbabilityBelow.ToString("0.000", C) : "",
                i.ExpectedOutcome,
                s.Gaps.FirstOrDefault(g => g.JudgementYear == i.JudgementYear && g.Indicator == i.Indicator)?.ExtraResults.ToString(C) ?? "")))).ToList();
        printed.Select(row => header.Select(column => row[column])).ShouldBe(expected);

        printed.Select(r => r["soort"]).Distinct().ShouldBe(["uitstroomjaar", "oordeel"], ignoreOrder: true);
        printed.Select(r => r["status"]).ShouldAllBe(s => s == "groen" || s == "oranje" || s == "rood");
        foreach (var row in printed)
        {
            var v = new[] { "laag95", "laag80", "verwacht", "hoog80", "hoog95" }.Select(c => double.Parse(row[c], C)).ToArray();
            v.SequenceEqual(v.Order()).ShouldBeTrue($"{row["brin"]} {row["soort"]} {row["jaar"]} {row["indicator"]}: the ranges nest around the expected value");
        }
    }

    [Fact]
    public async Task Models_shows_the_current_version_with_the_backtest_it_was_chosen_by()
    {
        using var channel = demo.Stack.Channel("predict");
        var models = await new Models.ModelsClient(channel).ListModelsAsync(new ListModelsRequest(), deadline: DateTime.UtcNow.AddMinutes(1));
        var current = models.Models.ShouldHaveSingleItem();
        current.Version.ShouldBe(demo.ModelVersion);
        current.Current.ShouldBeTrue();
        var backtest = current.Backtest.ShouldNotBeNull();

        var printed = await CommandLine.RunOkAsync(["models", "--version", demo.ModelVersion, "--predict", demo.Predict]);

        backtest.Rows.Count.ShouldBe(3 * 2 * 8);
        backtest.MeanBrierByLearner.Keys.ShouldBe(["fasttree", "lightgbm", "logistic"], ignoreOrder: true);
        backtest.MeanBrierByLearner[backtest.Learner].ShouldBe(backtest.MeanBrierByLearner.Values.Min());
        current.Learner.ShouldBe(backtest.Learner);
        // The stored figures, as printed: each learner's mean Brier score, the chosen one marked.
        foreach (var (learner, brier) in backtest.MeanBrierByLearner)
        {
            printed.ShouldContain($"mean Brier {learner}: {brier.ToString("0.00000", C)}{(learner == backtest.Learner ? " (chosen)" : "")}", customMessage: printed);
        }
    }

    /// <summary>One row of the schools CSV as the API's figures give it, every column in the header's order.</summary>
    private static string[] Row(SchoolForecastMessage s, string kind, int year, string groepNow, string indicator, PercentRange r,
        string signaleringswaarde = "", string below = "", string outcome = "", string extra = "") =>
    [
        s.Brin, s.Vestiging.ToString("00", C), s.Status, kind, $"{year}-{year + 1}", groepNow, indicator,
        r.Expected.ToString("0.00", C), r.Low80.ToString("0.00", C), r.High80.ToString("0.00", C), r.Low95.ToString("0.00", C), r.High95.ToString("0.00", C),
        signaleringswaarde, below, outcome, extra,
    ];
}
