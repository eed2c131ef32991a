using System.Net;
using System.Text.RegularExpressions;
using Marten;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using OfficerTraining.IntegrationTests.Harness;
using OfficerTraining.Web.Hosting;

namespace OfficerTraining.IntegrationTests.Web.Security;

/// <summary>Two app nodes on one database, as behind a load balancer: node A in Development (it creates the schema and
/// the accounts), node B in Production on the same schema. A third app on a schema of its own stands for a different
/// database: it shares this machine's file system with the others, so only keys kept in the database tell them apart.</summary>
public sealed class two_nodes_on_one_database_accept_each_others_cookies_and_tokens : IAsyncLifetime
{
    readonly AppFactory _a = new();
    AppFactory _b = null!;
    readonly AppFactory _elsewhere = new();

    public async ValueTask InitializeAsync()
    {
        await _a.InitializeAsync();
        _b = new AppFactory { Schema = _a.Schema, Environment = "Production" };
        await _elsewhere.InitializeAsync();
    }

    static HttpClient Client(AppFactory node, string baseAddress = "http://localhost") =>
        node.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri(baseAddress), AllowAutoRedirect = false, HandleCookies = false });

    [Fact]
    public async Task a_form_from_node_A_signs_in_on_node_B_and_the_cookie_of_node_B_opens_pages_on_node_A()
    {
        var form = await Client(_a).GetAsync("/account/login");
        var antiforgeryCookie = Pair(form, ".AspNetCore.Antiforgery.");
        var token = Regex.Match(await form.Content.ReadAsStringAsync(), "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;

        var post = new HttpRequestMessage(HttpMethod.Post, "/account/login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["_handler"] = "login", ["__RequestVerificationToken"] = token,
                ["Input.UserName"] = "trainer", ["Input.Password"] = AppFactory.Password,
            }),
        };
        post.Headers.Add("Cookie", antiforgeryCookie);
        var signedIn = await Client(_b, "https://localhost").SendAsync(post); // production: forms only over HTTPS
        signedIn.StatusCode.Should().Be(HttpStatusCode.Redirect, "node B accepts node A's antiforgery token");
        var auth = Pair(signedIn, "ot.auth=");
        signedIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("ot.auth=")).ToLowerInvariant().Should().Contain("secure");

        (await Get(_a, "/questions", auth)).StatusCode.Should().Be(HttpStatusCode.OK, "node A accepts node B's sign-in cookie");
        (await Get(_b, "/questions", auth)).StatusCode.Should().Be(HttpStatusCode.OK);
        var other = await Get(_elsewhere, "/questions", auth);
        other.StatusCode.Should().Be(HttpStatusCode.Redirect, "an app on another database has other keys");
        other.Headers.Location!.OriginalString.Should().Contain("/account/login");

        await using var session = _a.Services.GetRequiredService<IDocumentStore>().QuerySession();
        (await session.Query<DataProtectionKey>().CountAsync()).Should().BeGreaterThan(0, "the key ring is in the database");
    }

    [Fact]
    public async Task in_production_the_node_sends_hsts_over_https_and_marks_cookies_secure()
    {
        var overHttps = await Client(_b, "https://officer-training.example.cn").GetAsync("/account/login");
        overHttps.Headers.GetValues("Strict-Transport-Security").Single().Should().Contain("max-age=");
        overHttps.Headers.GetValues("Content-Security-Policy").Single().Should().Contain("script-src 'self' 'nonce-");
        cookies_are_out_of_reach_of_scripts_and_of_plain_http.Cookie(overHttps, ".AspNetCore.Antiforgery.").Should().Contain("secure");

        var overHttp = await Client(_b, "http://officer-training.example.cn").GetAsync("/healthz");
        overHttp.Headers.Contains("Strict-Transport-Security").Should().BeFalse("HSTS means nothing over HTTP");
        var culture = await Client(_b, "http://officer-training.example.cn").GetAsync("/culture/set?culture=en-US");
        cookies_are_out_of_reach_of_scripts_and_of_plain_http.Cookie(culture, ".AspNetCore.Culture=").Should().Contain("secure",
            "Security:SecureCookies is on by default in Production: TLS may end at a proxy");
    }

    static Task<HttpResponseMessage> Get(AppFactory node, string path, string cookie)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Cookie", cookie);
        return Client(node, node.Environment == "Production" ? "https://localhost" : "http://localhost").SendAsync(request);
    }

    /// <summary>"name=value" of the cookie set by the response whose name starts with <paramref name="prefix"/>.</summary>
    static string Pair(HttpResponseMessage response, string prefix) =>
        response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(prefix)).Split(';')[0];

    public async ValueTask DisposeAsync()
    {
        await _b.DisposeAsync();
        await _a.DisposeAsync();
        await _elsewhere.DisposeAsync();
    }
}
