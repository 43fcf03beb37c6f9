using Uitstroom.Contracts.Ingest.V1;
using Uitstroom.Domain.Inspectie;
using Uitstroom.Domain.Vocabulary;

namespace Uitstroom.Predict.Lookback;

/// <summary>
/// A board's registered schools and its outflow years counted by Ingest: what the look-back (with the schools'
/// ovt and names) and the track record (with their schoolweging, as <c>BoardOutflow</c>) both read, asked once
/// here. The two calls are independent, so they go out together.
/// </summary>
public sealed record RegisteredOutflow(ListSchoolsResponse Registered, Dictionary<SchoolId, Dictionary<SchoolYear, YearTally>> Counted)
{
    public static async Task<RegisteredOutflow> ReadAsync(
        Registry.RegistryClient registry, PupilHistories.PupilHistoriesClient histories, string bgnr, DateOnly asOf, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(registry);
        var schools = registry.ListSchoolsAsync(new ListSchoolsRequest { Bgnr = bgnr }, cancellationToken: ct).ResponseAsync;
        var counted = OutflowCounts.ForBoardAsync(histories, bgnr, asOf, ct);
        await Task.WhenAll(schools, counted).ConfigureAwait(false);
        return new RegisteredOutflow(await schools.ConfigureAwait(false), await counted.ConfigureAwait(false));
    }
}
