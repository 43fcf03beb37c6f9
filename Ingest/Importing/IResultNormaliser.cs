using Uitstroom.Domain.Results;

namespace Uitstroom.Ingest.Importing;

/// <summary>The uniform-scale value of one LVS result and the version of the norm table it came from.</summary>
public readonly record struct Normalised(double Uniform, int TableVersion);

/// <summary>Uniform values for a batch (null where none), and why some are missing when the reason is worth a warning.</summary>
public sealed record NormaliseOutcome(Normalised?[] Values, string? Problem);

/// <summary>
/// Puts a batch of raw LVS results on the uniform scale (Normalise's batch RPC). A result Normalise cannot place
/// comes back null: it is stored raw and can be normalised later; the import never fails for it.
/// </summary>
public interface IResultNormaliser
{
    ValueTask<NormaliseOutcome> NormaliseAsync(IReadOnlyList<LvsResult> batch, CancellationToken cancellationToken);
}

/// <summary>Used when no Normalise endpoint is configured (a bare Ingest, unit tests): results are stored raw.</summary>
public sealed class RawOnlyNormaliser : IResultNormaliser
{
    public ValueTask<NormaliseOutcome> NormaliseAsync(IReadOnlyList<LvsResult> batch, CancellationToken cancellationToken) =>
        ValueTask.FromResult(new NormaliseOutcome(new Normalised?[batch.Count],
            "Normalise is not configured for this Ingest: LVS results were stored without uniform values"));
}
