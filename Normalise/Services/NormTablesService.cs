using Grpc.Core;
using Uitstroom.Contracts.Normalise.V1;
using Uitstroom.Normalise.Tables;

namespace Uitstroom.Normalise.Services;

/// <summary>gRPC edge of the norm-table catalog.</summary>
public sealed class NormTablesService(NormTableCatalog catalog) : NormTables.NormTablesBase
{
    public override Task<ListNormTablesResponse> ListNormTables(ListNormTablesRequest request, ServerCallContext context)
    {
        var provider = request.Provider.Trim().ToUpperInvariant();
        var tables = catalog.All
            .Where(t => provider.Length == 0 || t.Provider == provider)
            .OrderBy(t => t.Provider, StringComparer.Ordinal)
            .ThenByDescending(t => t.Version);
        return Task.FromResult(new ListNormTablesResponse
        {
            Tables =
            {
                tables.Select(t => new NormTableInfo
                {
                    Provider = t.Provider,
                    Version = t.Version,
                    Source = t.Source,
                    Illustrative = t.Illustrative,
                    Rows = t.Cuts.Count,
                }),
            },
        });
    }
}
