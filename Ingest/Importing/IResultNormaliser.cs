using Uitstroom.Domain.Results;

namespace Uitstroom.Ingest.Importing;

/// <summary>The uniform-scale value of one LVS result and the version of the norm table it came from.</summary>
public readonly record struct Normalised(double Uniform, int TableVersion);

/// <summary>
/// Puts a batch of raw LVS results on the uniform scale (Normalise's batch RPC). A result without a norm table
/// comes back null: it is stored raw and normalised once a table for it is registered.
/// </summary>
public interface IResultNormaliser
{
    ValueTask<Normalised?[]> NormaliseAsync(IReadOnlyList<LvsResult> batch, CancellationToken cancellationToken);
}
