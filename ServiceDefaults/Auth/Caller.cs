using System.Security.Claims;

namespace Uitstroom.ServiceDefaults.Auth;

/// <summary>Who is calling, as the key handler wrote it into the request's <see cref="ClaimsPrincipal"/>.</summary>
public static class Caller
{
    public const string BoardClaim = "uitstroom:board";
    public const string KeyIdClaim = "uitstroom:key";
    public const string AdminRole = KeyRoles.Admin;

    public static bool IsAdmin(this ClaimsPrincipal user) => user.IsInRole(AdminRole);

    /// <summary>The board a board key belongs to; null for an admin or an anonymous caller.</summary>
    public static string? Board(this ClaimsPrincipal user) => user.FindFirst(BoardClaim)?.Value;

    /// <summary>May this caller read and write the data of board <paramref name="bgnr"/>?</summary>
    public static bool MayAccessBoard(this ClaimsPrincipal user, string? bgnr) =>
        user.IsAdmin() || (user.Board() is { } own && own == Normalise(bgnr));

    /// <summary>
    /// A BGNR as the registry keeps it: five digits with leading zeros. Anything else is returned as is and so
    /// matches no board key (the service's own parsing then names what is wrong, for admins).
    /// </summary>
    public static string? Normalise(string? bgnr)
    {
        var t = bgnr?.Trim();
        return t is { Length: >= 1 and <= 5 } && t.All(char.IsAsciiDigit) ? t.PadLeft(5, '0') : t;
    }
}
