using System.Net;
using Microsoft.Extensions.DependencyInjection;
using OfficerTraining.Infrastructure;
using OfficerTraining.IntegrationTests.Harness;
using OfficerTraining.Training;

namespace OfficerTraining.IntegrationTests.Web.TrainingPages;

/// <summary>The class-hours pages open for the roles they are for and refuse the others; an officer's home page shows
/// the hours an in-person session credited.</summary>
[Collection(nameof(App))]
public class when_class_hours_are_recorded(AppFactory app)
{
    static readonly Actor Trainer = new("trainer", [Roles.Trainer]);

    [Theory]
    [InlineData("trainer", "/training/in-person/new")]
    [InlineData("administrator", "/training/in-person/new")]
    [InlineData("trainer", "/training/adjustments")]
    [InlineData("certificateofficer", "/training/adjustments")]
    [InlineData("trainer", "/training/ledgers")]
    [InlineData("supervisor", "/training/ledgers")]
    [InlineData("certificateofficer", "/training/ledgers")]
    public async Task the_pages_open_for_their_roles(string user, string path) =>
        (await (await app.SignedIn(user)).GetAsync(path)).StatusCode.Should().Be(HttpStatusCode.OK);

    [Theory]
    [InlineData("officer", "/training/ledgers")]
    [InlineData("officer", "/training/in-person/new")]
    [InlineData("certificateofficer", "/training/in-person/new")]
    [InlineData("supervisor", "/training/adjustments")]
    [InlineData("reviewer", "/training/ledgers")]
    public async Task the_pages_refuse_other_roles(string user, string path) =>
        (await (await app.SignedIn(user)).GetAsync(path)).Headers.Location!.OriginalString.Should().Contain("/account/access-denied");

    [Fact]
    public async Task the_officer_home_page_shows_the_credited_hours()
    {
        var today = ChinaTime.Today(app.Services.GetRequiredService<TimeProvider>());
        var before = await app.Services.GetRequiredService<TrainingLedgers>().For(app.OfficerId, today.Year);
        await app.Services.GetRequiredService<TrainingCommands>().Handle(new RecordInPersonSession(Guid.CreateVersion7(), today,
            "行政处罚法专题培训", 3.5m, TrainingCategory.PublicLaw, [app.OfficerId]), Trainer);

        var home = await (await app.SignedIn("officer")).GetStringAsync("/");
        var total = (before.Total + 3.5m).ToString("0.##", System.Globalization.CultureInfo.InvariantCulture);
        home.Should().Contain($"已完成 {total} / 60 学时");
    }
}
