using System.Text.RegularExpressions;
using OfficerTraining.IntegrationTests.Harness;

namespace OfficerTraining.IntegrationTests.Web.Security;

[Collection(nameof(App))]
public partial class every_response_carries_the_security_headers(AppFactory app)
{
    [Theory]
    [InlineData("/account/login", true)]    // a page: its import map is an inline script
    [InlineData("/no-such-page", true)]     // a 404 page
    [InlineData("/app.css", false)]         // a static file: no inline script, so no nonce to allow one
    [InlineData("/healthz", false)]
    public async Task the_browser_defences_are_sent(string path, bool page)
    {
        var response = await app.Client().GetAsync(path);

        var csp = Header(response, "Content-Security-Policy");
        var directives = csp.Split(';', StringSplitOptions.TrimEntries).ToDictionary(d => d.Split(' ')[0], d => d);
        if (page) directives["script-src"].Should().MatchRegex(@"^script-src 'self' 'nonce-[A-Za-z0-9+/=]{20,}'$", "no 'unsafe-inline' or 'unsafe-eval' for scripts");
        else directives["script-src"].Should().Be("script-src 'self'", "our script files only");
        directives["style-src"].Should().Be("style-src 'self' 'unsafe-inline'", "MudBlazor writes style attributes");
        directives["img-src"].Should().Be("img-src 'self' data:");
        directives["connect-src"].Should().Be("connect-src 'self'");
        directives["frame-ancestors"].Should().Be("frame-ancestors 'none'");
        directives["base-uri"].Should().Be("base-uri 'self'");
        directives["form-action"].Should().Be("form-action 'self'");
        directives["object-src"].Should().Be("object-src 'none'");
        Header(response, "X-Content-Type-Options").Should().Be("nosniff");
        Header(response, "X-Frame-Options").Should().Be("DENY");
        Header(response, "Referrer-Policy").Should().Be("same-origin");
        Header(response, "Permissions-Policy").Should().Contain("camera=()").And.Contain("geolocation=()");
        response.Headers.Contains("Strict-Transport-Security").Should().BeFalse("HSTS only in Production over HTTPS");
    }

    [Fact]
    public async Task the_only_inline_script_carries_this_responses_nonce_and_each_response_has_its_own()
    {
        var first = await app.Client().GetAsync("/account/login");
        var second = await app.Client().GetAsync("/account/login");
        var html = await first.Content.ReadAsStringAsync();

        var nonce = Nonce().Match(Header(first, "Content-Security-Policy")).Groups[1].Value;
        nonce.Should().NotBe(Nonce().Match(Header(second, "Content-Security-Policy")).Groups[1].Value);
        var inline = InlineScript().Matches(html).Select(m => System.Net.WebUtility.HtmlDecode(m.Value)).ToList();
        inline.Should().ContainSingle("the import map is the one inline script").Which.Should().Contain($"nonce=\"{nonce}\"");
        html.Should().NotContain("onclick=", "inline event handlers are refused by the policy");
    }

    public static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(",", values) : throw new Xunit.Sdk.XunitException($"no {name} header on {response.RequestMessage?.RequestUri}");

    [GeneratedRegex("'nonce-([^']+)'")]
    private static partial Regex Nonce();

    /// <summary>Script elements without a src attribute.</summary>
    [GeneratedRegex(@"<script(?![^>]*\bsrc=)[^>]*>")]
    private static partial Regex InlineScript();
}
