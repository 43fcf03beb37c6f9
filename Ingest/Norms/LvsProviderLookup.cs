using Uitstroom.Domain.Results;

namespace Uitstroom.Ingest.Norms;

/// <summary>Where an import learns which LVS providers exist: Normalise's norm tables (or, without Normalise, the shipped ones).</summary>
public interface ILvsProviderDirectory
{
    /// <summary>
    /// The providers for one import. Throws <see cref="Grpc.Core.RpcException"/> (Unavailable) when they cannot be
    /// learnt: an import that cannot check its providers stores nothing.
    /// </summary>
    Task<LvsProviderLookup> LookupAsync(CancellationToken cancellationToken);
}

/// <summary>
/// The providers one import checks its rows against: a snapshot that is refreshed once, the first time a row names
/// a provider it lacks, so a table registered a moment ago imports at once without every row of a file full of
/// misspelt providers asking Normalise again.
/// </summary>
public sealed class LvsProviderLookup(LvsProviders providers, Func<LvsProviders>? refresh = null)
{
    private Func<LvsProviders>? _refresh = refresh;

    public LvsProviders Current { get; private set; } = providers;

    public LvsProvider? Find(string text)
    {
        if (Current.TryFind(text, out var provider))
        {
            return provider;
        }

        if (_refresh is not { } refreshNow)
        {
            return null;
        }

        _refresh = null;
        Current = refreshNow();
        return Current.TryFind(text, out provider) ? provider : null;
    }
}
