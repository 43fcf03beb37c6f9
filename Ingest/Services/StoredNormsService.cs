using Grpc.Core;
using Uitstroom.Contracts.Ingest.V1;
using Uitstroom.Ingest.Norms;
using Uitstroom.ServiceDefaults.Auth;

namespace Uitstroom.Ingest.Services;

/// <summary>gRPC edge of re-normalising stored results with a provider's newest norm table.</summary>
public sealed class StoredNormsService(Renormaliser renormaliser) : StoredNorms.StoredNormsBase
{
    public override async Task<RenormaliseResponse> Renormalise(RenormaliseRequest request, ServerCallContext context)
    {
        if (string.IsNullOrWhiteSpace(request.Provider))
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, "provider is required"));
        }

        // Every board's values (no board named) is the platform's call; one board's own values, that board's.
        if (string.IsNullOrWhiteSpace(request.Bgnr))
        {
            context.RequireAdmin("re-normalising every board's results");
        }
        else
        {
            context.RequireBoard(request.Bgnr);
        }

        var bgnr = string.IsNullOrWhiteSpace(request.Bgnr) ? null : BoardNumber.Parse(request.Bgnr);
        var outcome = await renormaliser.RunAsync(request.Provider, bgnr, context.CancellationToken);
        return new RenormaliseResponse
        {
            Provider = outcome.Provider,
            TableVersion = outcome.TableVersion,
            Results = outcome.Results,
            Changed = outcome.Changed,
            Boards = { outcome.Boards },
        };
    }
}
