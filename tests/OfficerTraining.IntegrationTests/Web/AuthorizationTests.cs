using System.Net;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using OfficerTraining.IntegrationTests.Harness;

namespace OfficerTraining.IntegrationTests.Web;

[CollectionDefinition(nameof(App))]
public sealed class App : ICollectionFixture<AppFactory>;

[Collection(nameof(App))]
public class when_someone_asks_for_a_page(AppFactory app)
{
    [Theory]
    [InlineData("/")]
    [InlineData("/admin/officers")]
    [InlineData("/admin/agencies")]
    [InlineData("/admin/accounts")]
    public async Task an_anonymous_visitor_is_sent_to_sign_in(string path)
    {
        var response = await app.Client().GetAsync(path);
        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.Should().Contain("/account/login").And.Contain(Uri.EscapeDataString(path));
    }

    [Theory]
    [InlineData("/admin/officers")]
    [InlineData("/admin/officers/new")]
    [InlineData("/admin/officers/import")]
    [InlineData("/admin/agencies")]
    [InlineData("/admin/accounts")]
    public async Task an_officer_is_refused_administrator_pages(string path)
    {
        var officer = await app.SignedIn("officer");
        var response = await officer.GetAsync(path);
        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.Should().Contain("/account/access-denied");
    }

    [Theory]
    [InlineData("/admin/officers/new")]
    [InlineData("/admin/officers/import")]
    [InlineData("/admin/accounts")]
    public async Task a_supervisor_reads_but_is_refused_pages_that_change_data(string path)
    {
        var supervisor = await app.SignedIn("supervisor");
        (await supervisor.GetAsync("/admin/officers")).StatusCode.Should().Be(HttpStatusCode.OK);
        var response = await supervisor.GetAsync(path);
        response.Headers.Location!.OriginalString.Should().Contain("/account/access-denied");
    }

    [Theory]
    [InlineData("/admin/officers")]
    [InlineData("/admin/officers/new")]
    [InlineData("/admin/officers/import")]
    [InlineData("/admin/agencies")]
    [InlineData("/admin/accounts")]
    public async Task the_administrator_opens_them(string path)
    {
        var admin = await app.SignedIn("administrator");
        (await admin.GetAsync(path)).StatusCode.Should().Be(HttpStatusCode.OK);
    }
}

[Collection(nameof(App))]
public class when_signing_in(AppFactory app)
{
    [Fact]
    public async Task the_officer_lands_on_the_officer_home_page_in_chinese()
    {
        var officer = await app.SignedIn("officer");
        var home = await officer.GetStringAsync("/");
        home.Should().Contain("<html lang=\"zh-CN\"").And.Contain("我的档案").And.Contain("张伟").And.Contain("平顶山市城市管理局");
    }

    [Fact]
    public async Task the_language_switch_turns_the_pages_english_and_is_remembered()
    {
        var officer = await app.SignedIn("officer");
        var set = await officer.GetAsync("/culture/set?culture=en-US&redirectUri=%2F");
        set.Headers.Location!.OriginalString.Should().Be("/");
        var home = await officer.GetStringAsync("/");
        home.Should().Contain("<html lang=\"en-US\"").And.Contain("My record");
    }

    [Fact]
    public async Task a_wrong_password_is_refused_with_a_message_and_no_cookie()
    {
        var client = app.Client();
        var response = await app.SignIn(client, "trainer", "wrong-password");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).Should().Contain("用户名或密码错误");
        (await client.GetAsync("/")).Headers.Location!.OriginalString.Should().Contain("/account/login");
    }

    [Fact]
    public async Task the_sign_in_page_does_not_send_users_to_other_sites()
    {
        var client = app.Client();
        var page = await client.GetStringAsync("/account/login?returnUrl=https%3A%2F%2Fevil.example%2F");
        var token = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        var response = await client.PostAsync("/account/login?returnUrl=https%3A%2F%2Fevil.example%2F", new FormUrlEncodedContent(
            new Dictionary<string, string> { ["_handler"] = "login", ["__RequestVerificationToken"] = token,
                ["Input.UserName"] = "reviewer", ["Input.Password"] = AppFactory.Password }));
        var target = new Uri(client.BaseAddress!, response.Headers.Location!);
        (target.Host, target.AbsolutePath).Should().Be(("localhost", "/"));
    }

    [Fact]
    public async Task health_answers_when_postgresql_does() =>
        (await app.Client().GetAsync("/healthz")).StatusCode.Should().Be(HttpStatusCode.OK);
}

[Collection(nameof(App))]
public class when_the_administrator_registers_an_officer(AppFactory app)
{
    [Fact]
    // The list itself loads its rows over the circuit, after the first render: a browser test shows them there.
    public async Task the_officer_has_a_page_for_readers_of_officers_but_not_for_other_officers()
    {
        await using var scope = app.Services.CreateAsyncScope();
        await using var session = scope.ServiceProvider.GetRequiredService<IDocumentStore>().QuerySession();
        var agencies = await session.Query<OfficerTraining.Agencies.Agency>().ToListAsync();
        var register = Arrange.Officer(agencies.Single(a => a.Code == "410400CG01"), name: "欧阳明轩");
        await scope.ServiceProvider.GetRequiredService<OfficerTraining.Officers.OfficerCommands>()
            .Handle(register, new OfficerTraining.Infrastructure.Actor("administrator", [OfficerTraining.Infrastructure.Roles.Administrator]));

        var admin = await app.SignedIn("administrator");
        (await admin.GetStringAsync($"/admin/officers/{register.OfficerId}")).Should().Contain("欧阳明轩").And.Contain(register.NationalId.Masked);

        var officer = await app.SignedIn("officer");
        (await officer.GetAsync($"/admin/officers/{register.OfficerId}")).Headers.Location!.OriginalString.Should().Contain("/account/access-denied");
    }
}

[Collection(nameof(App))]
public class when_someone_opens_the_policy_settings(AppFactory app)
{
    [Theory]
    [InlineData("administrator", HttpStatusCode.OK)]
    [InlineData("supervisor", HttpStatusCode.OK)]
    [InlineData("trainer", HttpStatusCode.Redirect)]
    [InlineData("officer", HttpStatusCode.Redirect)]
    public async Task only_administrators_and_supervisors_see_them(string user, HttpStatusCode expected)
    {
        var response = await (await app.SignedIn(user)).GetAsync("/admin/settings");
        response.StatusCode.Should().Be(expected);
        if (expected == HttpStatusCode.OK) (await response.Content.ReadAsStringAsync()).Should().Contain("60");
        else response.Headers.Location!.OriginalString.Should().Contain("/account/access-denied");
    }
}
