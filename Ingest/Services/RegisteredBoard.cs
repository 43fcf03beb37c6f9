using Grpc.Core;
using Uitstroom.Ingest.Store;
using Uitstroom.ServiceDefaults.Auth;

namespace Uitstroom.Ingest.Services;

/// <summary>
/// The opening of every RPC that names a board: the caller's key must allow it (checked before anything is read),
/// and the board must be registered, so an unknown board is NotFound rather than an empty answer.
/// </summary>
internal static class RegisteredBoard
{
    public static async Task<string> RequireAsync(ServerCallContext context, RegistryRepository registry, string requested)
    {
        context.RequireBoard(requested);
        var bgnr = BoardNumber.Parse(requested);
        if (!await registry.BoardExistsAsync(bgnr, context.CancellationToken))
        {
            throw new RpcException(new Status(StatusCode.NotFound, $"board {bgnr} is not in the registry"));
        }

        return bgnr;
    }
}
