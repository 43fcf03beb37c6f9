using Grpc.Core;
using Uitstroom.Contracts.Normalise.V1;
using Uitstroom.Domain.Results;

namespace Uitstroom.Ingest.Norms;

/// <summary>
/// The LVS providers as Normalise's norm tables define them (ListNormTables): code, aliases and score range of each
/// provider's newest table. Cached for a short while, since imports come in bursts and tables change rarely; a
/// provider missing from the cache makes the import ask again (<see cref="LvsProviderLookup"/>).
/// </summary>
public sealed class NormaliseProviderDirectory(NormTables.NormTablesClient client, TimeProvider clock, ILogger<NormaliseProviderDirectory> logger)
    : ILvsProviderDirectory
{
    /// <summary>How long a fetched list is trusted; a registration on another replica shows up within this.</summary>
    public static readonly TimeSpan RefreshAfter = TimeSpan.FromSeconds(30);

    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);

    private volatile Snapshot? _snapshot;

    private sealed record Snapshot(LvsProviders Providers, DateTimeOffset Fetched);

    public async Task<LvsProviderLookup> LookupAsync(CancellationToken cancellationToken)
    {
        var snapshot = _snapshot;
        if (snapshot is null || clock.GetUtcNow() - snapshot.Fetched > RefreshAfter)
        {
            snapshot = Keep(await Call(() => client.ListNormTablesAsync(new ListNormTablesRequest(),
                deadline: DateTime.UtcNow + Deadline, cancellationToken: cancellationToken).ResponseAsync));
        }

        // The refresh runs inside the parser's synchronous row loop, hence a blocking call; it happens at most once
        // per import, and only for a provider the cached list lacks.
        return new LvsProviderLookup(snapshot.Providers, () => Keep(Call(() => Task.FromResult(client.ListNormTables(
            new ListNormTablesRequest(), deadline: DateTime.UtcNow + Deadline, cancellationToken: cancellationToken))).GetAwaiter().GetResult()).Providers);
    }

    private Snapshot Keep(ListNormTablesResponse reply)
    {
        var providers = new LvsProviders(reply.Tables
            .GroupBy(t => t.Provider, StringComparer.Ordinal)
            .Select(g => g.MaxBy(t => t.Version)!)
            .Select(t => new LvsProvider(t.Provider, [.. t.Aliases], new ScoreRange(
                double.IsNaN(t.ScoreMin) ? double.NegativeInfinity : t.ScoreMin,
                double.IsNaN(t.ScoreMax) ? double.PositiveInfinity : t.ScoreMax))));
        var snapshot = new Snapshot(providers, clock.GetUtcNow());
        _snapshot = snapshot;
        return snapshot;
    }

    private async Task<ListNormTablesResponse> Call(Func<Task<ListNormTablesResponse>> call)
    {
        try
        {
            return await call();
        }
        catch (RpcException e) when (e.StatusCode is StatusCode.Unavailable or StatusCode.DeadlineExceeded or StatusCode.Unimplemented)
        {
            logger.LogWarning("Normalise did not list its norm tables ({Status}: {Detail})", e.StatusCode, e.Status.Detail);
            throw new RpcException(new Status(StatusCode.Unavailable,
                $"Normalise is unreachable ({e.StatusCode}): the LVS providers and their score ranges come from its norm tables, so nothing was imported; try again when it is up"));
        }
    }
}
