using Grpc.Core;
using Uitstroom.Contracts.Predict.V1;
using Uitstroom.Domain.Inspectie;
using Uitstroom.Ingest.PublicData;
using Uitstroom.Tests;
using LookbackClient = Uitstroom.Contracts.Predict.V1.Lookback.LookbackClient;

namespace Uitstroom.Service.Tests.Lookback;

public class LookbackServiceTests(LookbackServices stack) : IClassFixture<LookbackServices>
{
    private const string InspectieFile = "inspectie_leerresultaten_po_2023_2024_2025.csv";

    private static readonly Dictionary<string, InspectieResultRow> Published =
        PublicFileParser.Parse(File.ReadAllBytes(SharedData.Duo(InspectieFile)), InspectieFile)
            .RowsOf<InspectieResultRow>().ToDictionary(r => r.Ovt.Value);

    [Fact]
    public async Task The_look_back_of_board_41565_equals_the_Inspectie_file_for_every_school_it_lists()
    {
        using var channel = stack.Predict.Channel();

        var board = await new LookbackClient(channel).GetBoardLookbackAsync(new GetBoardLookbackRequest { Bgnr = "41565" });

        board.Schools.Count.ShouldBe(31);
        board.SignaleringswaardenSource.ShouldContain("Inspectie");
        var inFile = board.Schools.Where(s => Published.ContainsKey(s.Ovt)).ToList();
        inFile.Count.ShouldBe(29);
        foreach (var school in inFile)
        {
            var row = Published[school.Ovt];
            school.Fundamental.Value.ShouldBe(row.PooledFundamental!.Value, school.Ovt);
            school.Target.Value.ShouldBe(row.PooledTarget!.Value, school.Ovt);
            school.Pupils.ShouldBe(row.Pupils!.Value, school.Ovt);
            school.Target.Signaleringswaarde.ShouldBe(row.SignaleringswaardeTarget!.Value, school.Ovt);
            Outcomes.Parse(school.Fundamental.OutcomeLabel).ShouldBe(row.OutcomeFundamental, school.Ovt);
            Outcomes.Parse(school.Target.OutcomeLabel).ShouldBe(row.OutcomeTarget, school.Ovt);
            school.Target.PublishedOutcome.ShouldBe(row.OutcomeTarget.Label());
            school.Years.Select(y => y.SchoolYear).ShouldBe(["2022-2023", "2023-2024", "2024-2025"]);
        }
    }

    [Fact]
    public async Task A_school_of_the_board_without_any_published_result_is_shown_as_te_weinig_gegevens()
    {
        using var channel = stack.Predict.Channel();

        var school = await new LookbackClient(channel).GetSchoolLookbackAsync(new GetSchoolLookbackRequest { Ovt = "17LM|C1" });

        school.Name.ShouldBe("OBS Twekkelerveld");
        school.Years.ShouldAllBe(y => y.Status == "missing");
        school.Fundamental.Outcome.ShouldBe("te_weinig_gegevens");
        school.Fundamental.HasValue.ShouldBeFalse();
        school.Fundamental.PublishedOutcome.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("00AP|C1", "known", "boven", "boven")]
    [InlineData("00CV|C1", "masked", "boven", "boven")]
    [InlineData("03DG|C1", "masked", "kleine_school", "kleine_school")]
    [InlineData("08VG|C1", "known", "boven", "boven")]
    [InlineData("16NS|C1", "known", "boven", "te_weinig_gegevens")]
    [InlineData("00AV|C1", "known", "boven", "onder")]
    public async Task One_school_look_back_follows_the_published_judgement(string ovt, string status, string outcome1F, string outcome1S2F)
    {
        using var channel = stack.Predict.Channel();

        var school = await new LookbackClient(channel).GetSchoolLookbackAsync(new GetSchoolLookbackRequest { Ovt = ovt });

        school.Years.Count.ShouldBe(3);
        school.Years.ShouldAllBe(y => y.Status == status);
        school.Fundamental.Outcome.ShouldBe(outcome1F);
        school.Target.Outcome.ShouldBe(outcome1S2F);
        school.Fundamental.Value.ShouldBe(Published[ovt].PooledFundamental!.Value);
    }

    [Fact]
    public async Task A_malformed_board_number_is_InvalidArgument_and_an_unknown_board_NotFound()
    {
        using var channel = stack.Predict.Channel();
        var client = new LookbackClient(channel);

        var malformed = await Should.ThrowAsync<RpcException>(async () => await client.GetBoardLookbackAsync(new GetBoardLookbackRequest { Bgnr = "4x565" }));
        var unknown = await Should.ThrowAsync<RpcException>(async () => await client.GetBoardLookbackAsync(new GetBoardLookbackRequest { Bgnr = "99999" }));

        malformed.StatusCode.ShouldBe(StatusCode.InvalidArgument);
        unknown.StatusCode.ShouldBe(StatusCode.NotFound);
        unknown.Status.Detail.ShouldContain("99999");
    }
}
