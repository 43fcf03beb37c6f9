using System.Text;
using Uitstroom.Contracts.Predict.V1;
using Uitstroom.Domain.Inspectie;
using Uitstroom.Service.Tests.Ingest;
using LookbackClient = Uitstroom.Contracts.Predict.V1.Lookback.LookbackClient;

namespace Uitstroom.Service.Tests.Lookback;

/// <summary>
/// A board the Inspectie never published (like the fictional demo board): its look-back comes from the pupils'
/// own doorstroomtoets results in Ingest, counted and judged by the Inspectie's rules.
/// </summary>
public class PupilLevelLookbackTests(LookbackServices stack) : IClassFixture<LookbackServices>
{
    private const string Board = "90099";

    // Per year ten pupils: one below 1F in every subject, five at 1F, four at the target level (2F, 2F, 1S).
    // Each year: 30 results, 27 at 1F or above, 12 at the target; pooled over three years 90.00 % and 40.00 %.
    private static string Outflow()
    {
        var text = new StringBuilder("brin,vestiging,leerling_id,schooljaar,aanbieder,vak,referentieniveau,ontheffing\n");
        foreach (var year in new[] { "2022-2023", "2023-2024", "2024-2025" })
        {
            for (var p = 0; p < 10; p++)
            {
                var (lezen, taal, rekenen) = p switch { 0 => ("L1F", "L1F", "L1F"), < 6 => ("1F", "1F", "1F"), _ => ("2F", "2F", "1S") };
                var id = $"{year[..4]}-{p}";
                text.Append($"Z901,0,{id},{year},ROUTE_8,lezen,{lezen},0\n")
                    .Append($"Z901,0,{id},{year},ROUTE_8,taalverzorging,{taal},0\n")
                    .Append($"Z901,0,{id},{year},ROUTE_8,rekenen,{rekenen},0\n");
            }
        }

        return text.ToString();
    }

    private async Task ImportBoardAsync()
    {
        using var ingest = stack.Ingest.Channel();
        (await ingest.ImportAsync("scholen.csv", $"bestuur;brin;vestiging;naam;schoolweging\n{Board};Z901;0;OBS Fictief;28,50\n{Board};Z902;0;OBS Nieuw;30,00\n"))
            .Report.Outcome.ShouldBeOneOf("committed", "unchanged");
        (await ingest.ImportAsync("doorstroomtoets.csv", Outflow())).Report.Outcome.ShouldBeOneOf("committed", "unchanged");
    }

    // Z902 is registered but has neither published nor pupil-level outflow results: nothing to look back on.
    [Fact]
    public async Task A_board_without_published_results_is_judged_from_its_pupils_outflow_results()
    {
        await ImportBoardAsync();
        using var channel = stack.Predict.Channel();

        var board = await new LookbackClient(channel).GetBoardLookbackAsync(new GetBoardLookbackRequest { Bgnr = Board });

        var school = board.Schools.ShouldHaveSingleItem();
        school.Brin.ShouldBe("Z901");
        school.Name.ShouldBe("OBS Fictief");
        school.Years.Select(y => (y.SchoolYear, y.Status, y.Pupils)).ShouldBe(
            [("2022-2023", "known", 10), ("2023-2024", "known", 10), ("2024-2025", "known", 10)]);
        school.Years.ShouldAllBe(y => y.PercentFundamental == 90 && y.PercentTarget == 40);
        school.Pupils.ShouldBe(30);
        school.Fundamental.Value.ShouldBe(90);
        school.Fundamental.Outcome.ShouldBe("boven");
        school.Target.Value.ShouldBe(40);
        school.Target.Signaleringswaarde.ShouldBe(Signaleringswaarden.Judgement2025.TargetPercent(28.5)!.Value);
        school.Target.Outcome.ShouldBe(Judgement.Compare(40, school.Target.Signaleringswaarde).Code());
        school.Fundamental.PublishedOutcome.ShouldBeEmpty();
    }
}
