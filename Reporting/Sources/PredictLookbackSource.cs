using Microsoft.Extensions.Options;
using Uitstroom.Contracts.Predict.V1;

namespace Uitstroom.Reporting.Sources;

/// <summary>The look-back over Predict's <c>Lookback</c> service.</summary>
public sealed class PredictLookbackSource(Lookback.LookbackClient lookback, IOptions<SourceOptions> options) : ILookbackSource
{
    public async Task<BoardLookbackFacts> GetBoardAsync(string bgnr, CancellationToken ct)
    {
        try
        {
            return await SourceCalls.Guard("predict", async () =>
            {
                var reply = await lookback.GetBoardLookbackAsync(
                    new GetBoardLookbackRequest { Bgnr = bgnr }, deadline: DateTime.UtcNow + options.Value.PredictDeadline, cancellationToken: ct);
                return new BoardLookbackFacts([.. reply.Schools.Select(Map)], reply.SignaleringswaardenSource);
            });
        }
        catch (KeyNotFoundException)
        {
            // Predict answered: it has no results to look back on for this board. That is an empty look-back (the
            // page says so), not an outage, and not a reason to fail the whole report.
            return new BoardLookbackFacts([], "");
        }
    }

    private static SchoolLookbackFacts Map(SchoolLookback s) => new(
        s.Ovt,
        [.. s.Years.Select(y => new RealisedYearFacts(
            y.SchoolYear,
            y.Status,
            y.Pupils,
            y.Status == "known" ? y.PercentFundamental : null,
            y.Status == "known" ? y.PercentTarget : null))],
        s.HasPupils ? s.Pupils : null,
        Map(s.Fundamental),
        Map(s.Target))
    {
        Brin = s.Brin,
        Name = s.Name,
    };

    private static IndicatorLookbackFacts Map(IndicatorLookback? i) => i is null
        ? new IndicatorLookbackFacts(null, null, "", "")
        : new IndicatorLookbackFacts(
            i.HasValue ? i.Value : null, i.HasSignaleringswaarde ? i.Signaleringswaarde : null, i.Outcome, i.OutcomeLabel);
}
