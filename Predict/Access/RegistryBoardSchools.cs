using Grpc.Core;
using Uitstroom.Contracts.Ingest.V1;
using Uitstroom.ServiceDefaults.Auth;

namespace Uitstroom.Predict.Access;

/// <summary>A board's schools from Ingest's registry, asked with the caller's own (forwarded) key.</summary>
public sealed class RegistryBoardSchools(Registry.RegistryClient registry) : IBoardSchools
{
    public async Task<IReadOnlyList<RegisteredSchool>> OfBoardAsync(string bgnr, CancellationToken ct)
    {
        try
        {
            var reply = await registry.ListSchoolsAsync(new ListSchoolsRequest { Bgnr = bgnr }, cancellationToken: ct);
            return [.. reply.Schools.Select(s => new RegisteredSchool(s.Brin, s.Vestiging, s.Ovt))];
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.NotFound)
        {
            return [];
        }
    }
}
