using Microsoft.Extensions.DependencyInjection;
using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Uitstroom.ServiceDefaults.Auth;
using static Uitstroom.Service.Tests.Security.SecuredServices;

namespace Uitstroom.Service.Tests.Security;

/// <summary>
/// Acceptance 1 of issue 9 for HTTP: every page, export and JSON route of Reporting (read from its route table, so
/// a new route is covered the day it is added) refuses no key or a wrong key (401, or the login page for a browser)
/// and another board's key (403, a Dutch page for people).
/// </summary>
public sealed class PageSecurityTests(SecuredServices stack) : IClassFixture<SecuredServices>
{
    private const string OvtOfA = "00AP%7CC1";

    /// <summary>Reporting's HTTP routes that need a key, with board A's number and school filled in.</summary>
    private List<(string Pattern, string Path)> Routes()
    {
        var routes = stack.Reporting.Server.Services.GetServices<EndpointDataSource>()
            .SelectMany(s => s.Endpoints).OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is null)
            .Select(e => "/" + (e.RoutePattern.RawText ?? "").TrimStart('/'))
            .Where(p => !p.StartsWith("/uitstroom.", StringComparison.Ordinal) && !p.StartsWith("/grpc.", StringComparison.Ordinal)
                        && !p.Contains(":grpcunimplemented", StringComparison.Ordinal))
            .Distinct()
            .Select(p => (p, p.Replace("{bgnr}", BoardA, StringComparison.Ordinal).Replace("{school}", OvtOfA, StringComparison.Ordinal).Replace("{ovt}", OvtOfA, StringComparison.Ordinal)))
            .ToList();
        routes.ShouldAllBe(r => !r.Item2.Contains('{'), "a route parameter the matrix does not know how to fill");
        return routes;
    }

    [Fact]
    public void The_routes_checked_include_the_pages_the_exports_and_the_JSON_API()
    {
        var patterns = Routes().Select(r => r.Pattern).ToList();

        patterns.ShouldContain("/besturen/{bgnr}");
        patterns.ShouldContain("/besturen/{bgnr}/scholen/{school}");
        patterns.ShouldContain("/besturen/{bgnr}/export.csv");
        patterns.ShouldContain("/besturen/{bgnr}/export.xlsx");
        patterns.ShouldContain(p => p.StartsWith("/api/v1/boards", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Every_route_without_a_key_is_401()
    {
        using var http = stack.Reporting.Http(null);
        foreach (var (_, path) in Routes())
        {
            using var response = await http.GetAsync(new Uri(path, UriKind.Relative));

            response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized, path);
        }
    }

    [Fact]
    public async Task Every_route_with_a_wrong_key_is_401()
    {
        foreach (var key in new[] { "uit_000000000000_" + new string('0', 64), stack.KeyA[..17] + new string('f', 64), "garbage" })
        {
            using var http = stack.Reporting.Http(key);
            foreach (var (_, path) in Routes())
            {
                using var response = await http.GetAsync(new Uri(path, UriKind.Relative));

                response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized, $"{path} with {key}");
            }
        }
    }

    [Fact]
    public async Task A_browser_without_a_key_is_sent_to_the_login_page_and_back()
    {
        using var http = stack.Reporting.Http(null);
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/besturen/{BoardA}");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));

        using var response = await http.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldBe($"/inloggen?terug=%2Fbesturen%2F{BoardA}");
    }

    [Fact]
    public async Task Every_route_naming_a_board_is_403_for_another_boards_key_and_says_so_in_Dutch_on_pages()
    {
        using var http = stack.Reporting.Http(stack.KeyB);
        foreach (var (pattern, path) in Routes().Where(r => r.Pattern.Contains("{bgnr}", StringComparison.Ordinal)))
        {
            using var response = await http.GetAsync(new Uri(path, UriKind.Relative));

            response.StatusCode.ShouldBe(HttpStatusCode.Forbidden, path);
            if (!pattern.StartsWith("/api/", StringComparison.Ordinal))
            {
                (await response.Content.ReadAsStringAsync()).ShouldContain("Geen toegang");
            }
        }
    }

    [Fact]
    public async Task The_owners_key_opens_every_route()
    {
        using var http = stack.Reporting.Http(stack.KeyA);
        foreach (var (_, path) in Routes())
        {
            using var response = await http.GetAsync(new Uri(path, UriKind.Relative));

            response.StatusCode.ShouldNotBe(HttpStatusCode.Unauthorized, path);
            response.StatusCode.ShouldNotBe(HttpStatusCode.Forbidden, path);
        }
    }

    [Fact]
    public async Task The_board_list_page_shows_a_board_key_only_its_own_board()
    {
        using var http = stack.Reporting.Http(stack.KeyB);

        var page = await http.GetStringAsync(new Uri("/", UriKind.Relative));

        page.ShouldContain(BoardB);
        page.ShouldNotContain(BoardA);
    }

    [Fact]
    public async Task Logging_in_sets_an_HttpOnly_SameSite_Strict_cookie_that_opens_the_own_board_and_not_another()
    {
        using var http = stack.Reporting.Http(null);
        using var login = await LogInAsync(http, new() { ["sleutel"] = stack.KeyA, ["terug"] = "//elders.example/" });

        login.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        // An address elsewhere is never followed: the own board's page instead.
        login.Headers.Location!.ToString().ShouldBe($"/besturen/{BoardA}");
        var cookie = login.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(ApiKeyHandler.CookieName + "=", StringComparison.Ordinal));
        cookie.ShouldContain("httponly", Case.Insensitive);
        cookie.ShouldContain("samesite=strict", Case.Insensitive);
        var value = cookie.Split(';')[0];

        async Task<HttpResponseMessage> Get(string path)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.Add("Cookie", value);
            return await http.SendAsync(request);
        }

        using var own = await Get($"/besturen/{BoardA}");
        own.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var other = await Get($"/besturen/{BoardB}");
        other.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await other.Content.ReadAsStringAsync()).ShouldContain("Geen toegang");
    }

    [Fact]
    public async Task A_wrong_key_at_the_login_page_is_refused_in_Dutch_and_sets_no_cookie()
    {
        using var http = stack.Reporting.Http(null);

        using var login = await LogInAsync(http, new() { ["sleutel"] = stack.KeyA[..17] + new string('f', 64) });

        login.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        SetsKeyCookie(login).ShouldBeFalse();
        (await login.Content.ReadAsStringAsync()).ShouldContain("niet geldig");
    }

    [Fact]
    public async Task A_login_posted_without_the_forms_token_is_refused_even_with_a_good_key()
    {
        // What another site can send: a valid key of its own, but not this site's form token nor its cookie.
        using var http = stack.Reporting.Http(null);

        using var login = await http.PostAsync(new Uri(LoginPath, UriKind.Relative),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["sleutel"] = stack.KeyA }));

        login.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        SetsKeyCookie(login).ShouldBeFalse();
        (await login.Content.ReadAsStringAsync()).ShouldContain("kwam niet van deze site");
    }

    [Fact]
    public async Task A_login_whose_form_token_differs_from_its_cookie_is_refused()
    {
        using var http = stack.Reporting.Http(null);

        using var login = await LogInAsync(http, new() { ["sleutel"] = stack.KeyA, ["formuliertoken"] = new string('A', 64) });

        login.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        SetsKeyCookie(login).ShouldBeFalse();
    }

    private const string LoginPath = "/inloggen";

    private static bool SetsKeyCookie(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var cookies)
        && cookies.Any(c => c.StartsWith(ApiKeyHandler.CookieName + "=", StringComparison.Ordinal));

    /// <summary>As a browser does it: fetch the form (its token and token cookie), then post it with both (a token
    /// in <paramref name="fields"/> replaces the form's).</summary>
    private static async Task<HttpResponseMessage> LogInAsync(HttpClient http, Dictionary<string, string> fields)
    {
        using var form = await http.GetAsync(new Uri(LoginPath, UriKind.Relative));
        var html = await form.Content.ReadAsStringAsync();
        var token = Regex.Match(html, "name=\"formuliertoken\" value=\"([0-9A-F]+)\"").Groups[1].Value;
        token.ShouldNotBeEmpty();
        fields.TryAdd("formuliertoken", token);
        using var post = new HttpRequestMessage(HttpMethod.Post, LoginPath) { Content = new FormUrlEncodedContent(fields) };
        post.Headers.Add("Cookie", string.Join("; ", form.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0])));
        return await http.SendAsync(post);
    }
}
