using System.Security.Claims;
using Grpc.Core;

namespace Uitstroom.ServiceDefaults.Auth;

/// <summary>
/// The one-line checks at the top of every RPC that names a board or needs the admin role. They run before the
/// method reads anything (store, cache or another service), so a refused call has touched nothing.
/// </summary>
public static class CallAccess
{
    public static ClaimsPrincipal Caller(this ServerCallContext context) => context.GetHttpContext().User;

    /// <summary>Training, model management, public data and norm tables change what every board sees.</summary>
    public static void RequireAdmin(this ServerCallContext context, string what)
    {
        if (!context.Caller().IsAdmin())
        {
            throw new RpcException(new Status(StatusCode.PermissionDenied, $"{what} needs a platform-admin key"));
        }
    }

    /// <summary>A board key reaches its own board only; an admin key every board.</summary>
    public static void RequireBoard(this ServerCallContext context, string? bgnr)
    {
        if (!context.Caller().MayAccessBoard(bgnr))
        {
            throw new RpcException(new Status(StatusCode.PermissionDenied, $"this key may not access board {bgnr}"));
        }
    }

    /// <summary>The board a list call is narrowed to: the caller's own for a board key, null (all) for an admin.</summary>
    public static string? OwnBoardOrAll(this ServerCallContext context) =>
        context.Caller().IsAdmin() ? null : context.Caller().Board();

    /// <summary>
    /// The board a write (an import) is for: a board key writes its own board only — an empty request means its
    /// own, another board is refused; an admin key writes what it asked for (empty = any board).
    /// </summary>
    public static string? ScopeWriteToOwnBoard(this ServerCallContext context, string? requested)
    {
        var caller = context.Caller();
        if (caller.IsAdmin())
        {
            return requested;
        }

        if (string.IsNullOrWhiteSpace(requested))
        {
            return caller.Board();
        }

        context.RequireBoard(requested);
        return requested;
    }
}
