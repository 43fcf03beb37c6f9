using Uitstroom.ServiceDefaults.Auth;

namespace Uitstroom.Reporting.Pages;

/// <summary>
/// The browser's way in: <c>/inloggen</c> takes an API key and keeps it in an HttpOnly, SameSite=Strict cookie, so
/// scripts cannot read it and other sites cannot send it along. Pages without a key redirect here. The form carries
/// an anti-forgery token: without it another site could post its own key here and have the browser work, unknowingly,
/// in that site's board (a login forgery).
/// </summary>
internal static class LoginEndpoints
{
    public const string LoginPath = "/inloggen";
    private const string HtmlType = "text/html; charset=utf-8";

    public static WebApplication MapLoginPages(this WebApplication app)
    {
        app.MapGet(LoginPath, (HttpContext http, string? terug) =>
            Results.Content(Form(http, terug, null), HtmlType)).AllowAnonymous();
        app.MapPost(LoginPath, LogInAsync).AllowAnonymous();
        app.MapGet("/uitloggen", (HttpContext http) =>
        {
            http.Response.Cookies.Delete(ApiKeyHandler.CookieName);
            return Results.Redirect(LoginPath);
        }).AllowAnonymous();
        return app;
    }

    private static async Task<IResult> LogInAsync(HttpContext http, KeyStore keys)
    {
        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        var back = form["terug"].ToString();
        if (!LoginFormToken.IsValid(http, form))
        {
            return Results.Content(Form(http, back,
                "Dit formulier is verlopen of kwam niet van deze site. Vul uw sleutel opnieuw in."), HtmlType,
                statusCode: StatusCodes.Status400BadRequest);
        }

        if (!ApiKey.TryParse(form["sleutel"], out var key) || keys.Authenticate(key) is not { } record)
        {
            return Results.Content(Form(http, back,
                "Deze sleutel is niet geldig (onbekend, ingetrokken of verlopen)."), HtmlType,
                statusCode: StatusCodes.Status401Unauthorized);
        }

        http.Response.Cookies.Append(ApiKeyHandler.CookieName, key.ToString(), new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Secure = http.Request.IsHttps,
            Path = "/",
            MaxAge = TimeSpan.FromHours(12),
        });
        return Results.Redirect(IsLocalPath(back) ? back : record.Board is { } board ? $"/besturen/{board}" : "/");
    }

    /// <summary>Only a path on this site: an address elsewhere would make the login page an open redirect.</summary>
    private static bool IsLocalPath(string? path) =>
        path is { Length: > 1 } && path[0] == '/' && path[1] is not ('/' or '\\');

    /// <summary>The form, with a fresh anti-forgery token (its cookie set on <paramref name="http"/>'s response).</summary>
    private static string Form(HttpContext http, string? back, string? error) => Layout.Page("Inloggen", $"""
        <h1>Inloggen</h1>
        {(error is null ? "" : $"""<div class="melding fout" role="alert">{Html.E(error)}</div>""")}
        <form method="post" action="{LoginPath}">
        <p><label for="sleutel">API-sleutel van uw bestuur</label><br>
        <input id="sleutel" name="sleutel" type="password" size="80" autocomplete="off" required placeholder="uit_…"></p>
        <input type="hidden" name="terug" value="{Html.E(IsLocalPath(back) ? back! : "")}">
        <input type="hidden" name="{LoginFormToken.FieldName}" value="{LoginFormToken.Issue(http)}">
        <p><button type="submit">Inloggen</button></p>
        </form>
        <p class="bijschrift">De sleutel krijgt u van de beheerder van het platform (<code>uitstroom keys create --board …</code>).
        Hij wordt alleen in een cookie van deze site bewaard, tot u uitlogt of de browser sluit (hoogstens 12 uur).</p>
        """);
}
