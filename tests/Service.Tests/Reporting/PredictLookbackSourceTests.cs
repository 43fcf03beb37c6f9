using Grpc.Core;
using Microsoft.Extensions.Options;
using Uitstroom.Contracts.Predict.V1;
using Uitstroom.Reporting.Sources;

namespace Uitstroom.Reporting.Tests;

/// <summary>Reporting's reading of Predict's look-back contract.</summary>
public class PredictLookbackSourceTests
{
    [Fact]
    public async Task Masked_years_carry_no_percentage_and_the_judgement_is_taken_as_Predict_gives_it()
    {
        var reply = new BoardLookback
        {
            Bgnr = "41583",
            SignaleringswaardenSource = "Inspectie 2025",
            Schools =
            {
                new SchoolLookback
                {
                    Ovt = "07BZ|C1",
                    Years =
                    {
                        new LookbackYear { SchoolYear = "2022-2023", Status = "masked" },
                        new LookbackYear { SchoolYear = "2023-2024", Status = "known", Pupils = 12, PercentFundamental = 100, PercentTarget = 41.67 },
                        new LookbackYear { SchoolYear = "2024-2025", Status = "missing" },
                    },
                    Pupils = 30,
                    Fundamental = new IndicatorLookback { Value = 98.67, Signaleringswaarde = 85, Outcome = "boven", OutcomeLabel = "Boven de signaleringswaarde" },
                    Target = new IndicatorLookback { Outcome = "te_weinig_gegevens", OutcomeLabel = "Te weinig gegevens" },
                },
            },
        };
        var source = new PredictLookbackSource(new FakeLookback(reply), Options.Create(new SourceOptions()));

        var board = await source.GetBoardAsync("41583", CancellationToken.None);

        board.SignaleringswaardenSource.ShouldBe("Inspectie 2025");
        var school = board.Schools.ShouldHaveSingleItem();
        school.Years.Select(y => (y.Availability, y.PercentTarget)).ShouldBe([("masked", null), ("known", 41.67), ("missing", null)]);
        school.Pupils.ShouldBe(30);
        school.Fundamental.ShouldBe(new IndicatorLookbackFacts(98.67, 85, "boven", "Boven de signaleringswaarde"));
        school.Target.ShouldBe(new IndicatorLookbackFacts(null, null, "te_weinig_gegevens", "Te weinig gegevens"));
    }

    private sealed class FakeLookback(BoardLookback reply) : Lookback.LookbackClient
    {
        public override AsyncUnaryCall<BoardLookback> GetBoardLookbackAsync(GetBoardLookbackRequest request, CallOptions options)
        {
            options.Deadline.ShouldNotBeNull();
            request.Bgnr.ShouldBe(reply.Bgnr);
            return new AsyncUnaryCall<BoardLookback>(Task.FromResult(reply), Task.FromResult(new Metadata()), () => Status.DefaultSuccess, () => [], () => { });
        }
    }
}
