using Uitstroom.Ingest.Store;
using Uitstroom.ServiceDefaults.Auth;

namespace Uitstroom.Ingest.Access;

/// <summary>Ingest owns the registry, so its school checks read the store directly.</summary>
public sealed class LocalBoardSchools(RegistryRepository registry) : IBoardSchools
{
    public async Task<IReadOnlyList<RegisteredSchool>> OfBoardAsync(string bgnr, CancellationToken ct) =>
        [.. (await registry.ListSchoolsAsync(bgnr, ct)).Select(s => new RegisteredSchool(s.Brin, s.Vestiging, s.Ovt ?? ""))];
}
