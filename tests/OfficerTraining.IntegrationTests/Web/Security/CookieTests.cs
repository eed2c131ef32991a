using Microsoft.AspNetCore.Mvc.Testing;
using OfficerTraining.IntegrationTests.Harness;

namespace OfficerTraining.IntegrationTests.Web.Security;

/// <summary>Development serves plain HTTP (tests, `dotnet run`): cookies are Secure when the request is HTTPS. Production
/// marks them Secure always (see TwoNodesTests).</summary>
[Collection(nameof(App))]
public class cookies_are_out_of_reach_of_scripts_and_of_plain_http(AppFactory app)
{
    HttpClient Over(string scheme) => app.CreateClient(new WebApplicationFactoryClientOptions
    {
        BaseAddress = new Uri($"{scheme}://localhost"), AllowAutoRedirect = false, HandleCookies = true,
    });

    [Theory]
    [InlineData("http", false)]
    [InlineData("https", true)]
    public async Task the_sign_in_cookie_is_http_only_lax_and_secure_over_https(string scheme, bool secure)
    {
        var client = Over(scheme);
        var form = await client.GetAsync("/account/login");
        var antiforgery = Cookie(form, ".AspNetCore.Antiforgery.");
        antiforgery.Should().Contain("httponly").And.Contain("samesite=strict");
        antiforgery.Contains("secure").Should().Be(secure, antiforgery);

        var signedIn = await app.SignIn(client, "trainer");
        var auth = Cookie(signedIn, "ot.auth=");
        auth.Should().Contain("httponly").And.Contain("samesite=lax");
        auth.Contains("secure").Should().Be(secure, auth);
    }

    [Theory]
    [InlineData("http", false)]
    [InlineData("https", true)]
    public async Task the_language_cookie_is_same_site(string scheme, bool secure)
    {
        var response = await Over(scheme).GetAsync("/culture/set?culture=en-US&redirectUri=/");
        var culture = Cookie(response, ".AspNetCore.Culture=");
        culture.Should().Contain("samesite=lax").And.Contain("httponly");
        culture.Contains("secure").Should().Be(secure, culture);
    }

    /// <summary>The Set-Cookie header of the cookie whose name starts with <paramref name="prefix"/>, lower-cased.</summary>
    public static string Cookie(HttpResponseMessage response, string prefix) =>
        response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.FirstOrDefault(c => c.StartsWith(prefix)) is { } cookie
            ? cookie.ToLowerInvariant()
            : throw new Xunit.Sdk.XunitException($"no {prefix} cookie set by {response.RequestMessage?.RequestUri} ({(int)response.StatusCode})");
}
