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
                    Message = $"De {what} is op dit moment niet beschikbaar: de rekendienst (Predict) antwoordt niet. " +
                              "De rest van het overzicht is wel actueel; probeer het over enkele minuten opnieuw.",
                };
                break;
        }
    }
}
