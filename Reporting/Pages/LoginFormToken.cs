using System.Security.Cryptography;

namespace Uitstroom.Reporting.Pages;

/// <summary>
/// The login form's anti-forgery token, as a double submit: a random 256-bit value set in a SameSite=Strict,
/// HttpOnly cookie and repeated in the form; a post counts only when both are present and equal. Another site can
/// make a browser post to <c>/inloggen</c>, but it cannot read the form, and the browser does not send this site's
/// Strict cookie along with a cross-site post — so it cannot log the browser in under a key of its own choosing.
/// Nothing is kept on the server and no key ring is shared, so any Reporting replica checks a form another replica
/// served (ASP.NET Core's antiforgery would need one Data Protection key ring across the replicas).
/// </summary>
internal static class LoginFormToken
{
    public const string FieldName = "formuliertoken";
    public const string CookieName = "uitstroom_formulier";

    public static string Issue(HttpContext http)
    {
        var token = Convert.ToHexString(RandomNumberGenerator.GetBytes(32));
        http.Response.Cookies.Append(CookieName, token, new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Secure = http.Request.IsHttps,
            Path = LoginEndpoints.LoginPath,
            MaxAge = TimeSpan.FromHours(1),
        });
        return token;
    }

    public static bool IsValid(HttpContext http, IFormCollection form) =>
        http.Request.Cookies.TryGetValue(CookieName, out var cookie)
        && form[FieldName].ToString() is { Length: 64 } posted
        && cookie is { Length: 64 }
        && CryptographicOperations.FixedTimeEquals(
            System.Text.Encoding.ASCII.GetBytes(cookie), System.Text.Encoding.ASCII.GetBytes(posted));
}
