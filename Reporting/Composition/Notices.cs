using Uitstroom.Contracts.Reporting.V1;

namespace Uitstroom.Reporting.Composition;

/// <summary>What a reader is told, in Dutch, when a part of the report is old or missing.</summary>
internal static class Notices
{
    public static IEnumerable<Notice> For<T>(Part<T> part, string what, string code)
        where T : class
    {
        switch (part.Freshness)
        {
            case Freshness.Stale:
                yield return new Notice
                {
                    Code = "stale",
                    Message = $"De {what} kon nu niet worden opgehaald; u ziet het laatst bekende resultaat van " +
                              $"{DutchFormat.DateTime(part.FetchedAt!.Value)}.",
                };
                break;
            case Freshness.Unavailable:
                yield return new Notice
                {
                    Code = code,
                    Message = $"De {what} is op dit moment niet beschikbaar: {Why(part.Failure)} " +
                              "De rest van het overzicht is wel actueel; probeer het over enkele minuten opnieuw.",
                };
                break;
        }
    }

    /// <summary>
    /// A look-back with no realised year for any school: Predict answered, there is simply nothing yet (no published
    /// results and no pupil-level doorstroomtoets results). Said as such, so nobody goes looking for an outage.
    /// </summary>
    public static IEnumerable<Notice> Empty(Part<Sources.BoardLookbackFacts> past)
    {
        if (past is { Freshness: Freshness.Current, Value: { } value }
            && value.Schools.All(s => s.Years.All(y => y.Availability == "missing")))
        {
            yield return new Notice
            {
                Code = "lookback_empty",
                Message = "Er zijn nog geen gerealiseerde uitstroomresultaten voor de scholen van dit bestuur: de Inspectie " +
                          "publiceerde er geen, en er zijn geen doorstroomtoetsresultaten op leerlingniveau ingelezen.",
            };
        }
    }

    /// <summary>
    /// Only a Predict that did not answer (unreachable, too slow) is called down; a Predict that answered but could
    /// not compute the part (no model trained yet, an internal error) is described as that.
    /// </summary>
    private static string Why(string? failure) => failure switch
    {
        null => "de rekendienst (Predict) antwoordt niet.",
        _ when failure.StartsWith("no forecast yet", StringComparison.Ordinal) =>
            "er is nog geen prognosemodel getraind (uitstroom train).",
        _ when failure.Contains("keeps no snapshots", StringComparison.Ordinal) =>
            "de rekendienst (Predict) bewaart geen momentopnamen (er is geen opslag voor ingesteld).",
        _ when failure.StartsWith("Unavailable", StringComparison.Ordinal) || failure.StartsWith("DeadlineExceeded", StringComparison.Ordinal) =>
            "de rekendienst (Predict) antwoordt niet.",
        _ => "de rekendienst (Predict) kon hem niet berekenen.",
    };
}
