using System.Net;
using System.Text.RegularExpressions;
using OfficerTraining.IntegrationTests.Harness;

namespace OfficerTraining.IntegrationTests.Web.Security;

[Collection(nameof(App))]
public class posts_without_the_forms_token_are_refused(AppFactory app)
{
    [Fact]
    public async Task a_sign_in_posted_from_elsewhere_is_refused()
    {
        var client = app.Client();
        await client.GetAsync("/account/login"); // the antiforgery cookie, as a browser would have it
        var response = await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login", ["Input.UserName"] = "trainer", ["Input.Password"] = AppFactory.Password,
        }));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        response.Headers.Contains("Set-Cookie").Should().BeFalse("nobody was signed in");
    }

    [Fact]
    public async Task a_sign_in_with_a_forged_token_is_refused()
    {
        var response = await app.Client().PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login", ["__RequestVerificationToken"] = "CfDJ8forged", ["Input.UserName"] = "trainer",
            ["Input.Password"] = AppFactory.Password,
        }));
        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task a_sign_out_posted_from_elsewhere_is_refused_and_the_user_stays_signed_in()
    {
        var client = await app.SignedIn("supervisor");

        var forged = await client.PostAsync("/account/logout", new FormUrlEncodedContent([]));
        forged.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await client.GetAsync("/")).StatusCode.Should().Be(HttpStatusCode.OK, "the cookie is still valid");

        var page = await client.GetStringAsync("/");
        var token = Regex.Match(page, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        var real = await client.PostAsync("/account/logout", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        real.StatusCode.Should().Be(HttpStatusCode.Redirect);
        real.Headers.Location!.OriginalString.Should().EndWith("/account/login");
    }
}
